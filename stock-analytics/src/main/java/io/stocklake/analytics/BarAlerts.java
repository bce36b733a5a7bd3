package io.stocklake.analytics;

import io.stocklake.analytics.alerts.Alert;
import io.stocklake.analytics.alerts.BarAlertRules;
import io.stocklake.analytics.alerts.BarHistory;
import io.stocklake.analytics.bars.Bar;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/** Runs the bar rules on each final bar, with the symbol's history from its store; forwards the alerts. */
final class BarAlerts implements FixedKeyProcessor<String, Bar, Alert> {

    private final BarAlertRules rules;
    private final String storeName;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, BarHistory> histories;

    BarAlerts(BarAlertRules rules, String storeName) {
        this.rules = rules;
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.histories = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, Bar> record) {
        Bar bar = record.value();
        BarHistory history = histories.get(bar.symbol());
        BarAlertRules.Outcome outcome = rules.apply(history == null ? BarHistory.empty() : history, bar);
        histories.put(bar.symbol(), outcome.history());
        for (Alert alert : outcome.alerts()) {
            context.forward(record.withValue(alert).withTimestamp(alert.eventTimeMillis()));
        }
    }
}
