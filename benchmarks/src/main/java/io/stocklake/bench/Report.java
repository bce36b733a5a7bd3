package io.stocklake.bench;

import java.util.List;

/**
 * What a benchmark returns: its section of BENCHMARKS.md, and the figures of it that go into the summary.
 *
 * @param header    the command, start and machine its section opens with
 * @param markdown  the section, headed by a level-2 title
 * @param headlines its figures for the summary, the ones with goals first
 */
public record Report(ReportHeader header, String markdown, List<Headline> headlines) {

    public Report {
        headlines = List.copyOf(headlines);
    }
}
