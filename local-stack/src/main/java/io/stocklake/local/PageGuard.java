package io.stocklake.local;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the live page: only the browser tab that loaded it from this machine. A foreign {@code Host} is a
 * DNS-rebinding page reading answers as if it were us; a foreign {@code Origin} (or {@code Sec-Fetch-Site:
 * cross-site}) is another site's page posting to us; a body that is not {@code application/json} could come from
 * a plain HTML form or a no-cors fetch, which browsers send to any site without asking it first.
 */
final class PageGuard {

    private final Set<String> hosts;
    private final Set<String> origins;

    PageGuard(int port) {
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        this.origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port);
    }

    /** Why any request is refused, or empty when it may be served. */
    Optional<String> refuseRequest(String host) {
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.of(
                    "Unknown Host " + host + ": the page answers only as " + String.join(" or ", sorted(hosts)));
        }
        return Optional.empty();
    }

    /** Why a request that runs something (the SQL box) is refused, or empty when it may run. */
    Optional<String> refuseCommand(String host, String origin, String fetchSite, String contentType) {
        Optional<String> refused = refuseRequest(host);
        if (refused.isPresent()) {
            return refused;
        }
        if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            return Optional.of("Cross-origin request from " + origin + " refused");
        }
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            return Optional.of("Cross-site request refused");
        }
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            return Optional.of("Send the statement as application/json ({\"sql\": \"...\"}), not " + contentType);
        }
        return Optional.empty();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
