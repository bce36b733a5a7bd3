package io.stocklake.sink.format;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;

/** The precision and scale a Connect {@link Decimal} schema declares, as every format and the catalog read them. */
public final class ConnectDecimal {

    /** Connect's Decimal carries only a scale; converters that know the precision put it here. */
    public static final String PRECISION_PARAMETER = "connect.decimal.precision";
    /** Athena's and Parquet's widest decimal; also the precision of a Decimal that declares none. */
    public static final int MAX_PRECISION = 38;

    private ConnectDecimal() {}

    /** The declared precision, or {@link #MAX_PRECISION} when none is; DataException when out of 1..38. */
    public static int precision(Schema schema, String path) {
        String declared =
                schema.parameters() == null ? null : schema.parameters().get(PRECISION_PARAMETER);
        if (declared == null) {
            return MAX_PRECISION;
        }
        try {
            int precision = Integer.parseInt(declared.trim());
            if (precision >= 1 && precision <= MAX_PRECISION) {
                return precision;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FieldValue.error(path, "has " + PRECISION_PARAMETER + "=" + declared + "; expected 1.." + MAX_PRECISION);
    }

    /** The declared scale; DataException when it is missing or not a number. */
    public static int scale(Schema schema, String path) {
        String scale = schema.parameters() == null ? null : schema.parameters().get(Decimal.SCALE_FIELD);
        try {
            return Integer.parseInt(scale);
        } catch (NumberFormatException e) {
            throw FieldValue.error(path, "is a Decimal without a valid " + Decimal.SCALE_FIELD + " parameter");
        }
    }
}
