package io.stocklake.glue.endpoint.expression;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The nodes of a parsed filter expression. Each is bound to a key's position and comparison type at parse time. */
final class Predicates {
    private Predicates() {}

    record And(PartitionPredicate left, PartitionPredicate right) implements PartitionPredicate {
        @Override
        public boolean test(List<String> values) {
            return left.test(values) && right.test(values);
        }
    }

    record Or(PartitionPredicate left, PartitionPredicate right) implements PartitionPredicate {
        @Override
        public boolean test(List<String> values) {
            return left.test(values) || right.test(values);
        }
    }

    record Not(PartitionPredicate operand) implements PartitionPredicate {
        @Override
        public boolean test(List<String> values) {
            return !operand.test(values);
        }
    }

    enum Operator {
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE;

        boolean holds(int comparison) {
            switch (this) {
                case EQ:
                    return comparison == 0;
                case NE:
                    return comparison != 0;
                case LT:
                    return comparison < 0;
                case LE:
                    return comparison <= 0;
                case GT:
                    return comparison > 0;
                default:
                    return comparison >= 0;
            }
        }

        /** The operator seen from the other side, for {@code 'x' < key}. */
        Operator mirrored() {
            switch (this) {
                case LT:
                    return GT;
                case LE:
                    return GE;
                case GT:
                    return LT;
                case GE:
                    return LE;
                default:
                    return this;
            }
        }
    }

    /** A key's value, parsed as its comparison type; empty when the stored value is not of that type. */
    record KeyValue(int index, KeyType type) {
        Optional<Comparable<?>> of(List<String> values) {
            return type.parse(values.get(index));
        }
    }

    record Comparison(KeyValue key, Operator operator, Comparable<?> literal) implements PartitionPredicate {
        @Override
        public boolean test(List<String> values) {
            return key.of(values)
                    .map(value -> operator.holds(compare(value, literal)))
                    .orElse(false);
        }
    }

    record Between(KeyValue key, Comparable<?> low, Comparable<?> high) implements PartitionPredicate {
        @Override
        public boolean test(List<String> values) {
            return key.of(values)
                    .map(value -> compare(value, low) >= 0 && compare(value, high) <= 0)
                    .orElse(false);
        }
    }

    record In(KeyValue key, List<Comparable<?>> candidates) implements PartitionPredicate {
        @Override
        public boolean test(List<String> values) {
            return key.of(values)
                    .map(value -> candidates.stream().anyMatch(c -> compare(value, c) == 0))
                    .orElse(false);
        }
    }

    record Like(int index, Pattern pattern) implements PartitionPredicate {
        @Override
        public boolean test(List<String> values) {
            return pattern.matcher(values.get(index)).matches();
        }
    }

    /** Partition values are never null, so {@code IS NULL} holds for none and {@code IS NOT NULL} for all. */
    record IsNull() implements PartitionPredicate {
        @Override
        public boolean test(List<String> values) {
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable<?> value, Comparable<?> literal) {
        return ((Comparable) value).compareTo(literal);
    }
}
