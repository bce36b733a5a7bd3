package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.config.PathTemplate;
import io.stocklake.sink.config.ProjectedKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Athena partition projection parameters of a table: time keys of {@code path.format} as date or integer
 * projections, value-field keys as {@code injected} (queries must name their value), and the
 * {@code storage.location.template} the sink's object layout follows.
 */
final class PartitionProjection {

    private final Map<String, ProjectedKey> timeKeys = new LinkedHashMap<>();
    private final String dateRange;

    PartitionProjection(PathTemplate template, String dateRange) {
        for (PathTemplate.Segment segment : template.segments()) {
            ProjectedKey key = ProjectedKey.of(segment);
            if (key == null) {
                throw new IllegalArgumentException(
                        "path.format segment '" + segment.key() + "'=" + segment.pattern() + " cannot be projected");
            }
            timeKeys.put(segment.key(), key);
        }
        this.dateRange = dateRange;
    }

    /** The parameters for a table at {@code location} (ending in '/') partitioned by {@code keys}. */
    Map<String, String> parameters(String location, List<String> keys) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("projection.enabled", "true");
        StringBuilder template = new StringBuilder(location);
        for (String key : keys) {
            String prefix = "projection." + key + ".";
            ProjectedKey projected = timeKeys.get(key);
            if (projected == null) {
                parameters.put(prefix + "type", "injected");
            } else if ("date".equals(projected.type())) {
                parameters.put(prefix + "type", "date");
                parameters.put(prefix + "format", projected.format());
                parameters.put(prefix + "range", dateRange);
                parameters.put(prefix + "interval", "1");
                parameters.put(prefix + "interval.unit", projected.unit());
            } else {
                parameters.put(prefix + "type", "integer");
                parameters.put(prefix + "range", projected.range());
                if (projected.digits() > 0) {
                    parameters.put(prefix + "digits", Integer.toString(projected.digits()));
                }
            }
            template.append(key).append("=${").append(key).append("}/");
        }
        parameters.put("storage.location.template", template.toString());
        return parameters;
    }
}
