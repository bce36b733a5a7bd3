package io.stocklake.glue.endpoint.expression;

import io.stocklake.glue.endpoint.api.GlueError;
import io.stocklake.glue.endpoint.expression.Predicates.KeyValue;
import io.stocklake.glue.endpoint.expression.Predicates.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the {@code Expression} of GetPartitions: the SQL WHERE subset Glue documents ({@code = <> != < <= > >=},
 * {@code AND OR NOT}, {@code IN}, {@code BETWEEN}, {@code LIKE}, {@code IS [NOT] NULL}, parentheses, quoted
 * string and numeric literals) over the table's partition keys. Keywords are case-insensitive; so are key names,
 * as Glue stores them in lower case.
 *
 * <pre>
 * or        := and (OR and)*
 * and       := unary (AND unary)*
 * unary     := NOT unary | '(' or ')' | predicate
 * predicate := key [NOT] BETWEEN literal AND literal | key [NOT] IN '(' literal (',' literal)* ')'
 *            | key [NOT] LIKE string | key IS [NOT] NULL | key op literal | literal op key
 * </pre>
 */
public final class PartitionExpressionParser {
    private final List<PartitionKey> keys;
    private final String expression;
    private List<Token> tokens;
    private int position;

    private PartitionExpressionParser(String expression, List<PartitionKey> keys) {
        this.expression = expression;
        this.keys = keys;
    }

    /** The predicate of {@code expression}; a blank expression selects every partition. */
    public static PartitionPredicate parse(String expression, List<PartitionKey> keys) {
        if (expression == null || expression.isBlank()) {
            return PartitionPredicate.ALL;
        }
        return new PartitionExpressionParser(expression, keys).parse();
    }

    private PartitionPredicate parse() {
        tokens = new Tokenizer(expression).tokens();
        position = 0;
        PartitionPredicate predicate = or();
        if (peek().kind() != Token.Kind.END) {
            throw unexpected(peek());
        }
        return predicate;
    }

    private PartitionPredicate or() {
        PartitionPredicate left = and();
        while (peek().isKeyword("OR")) {
            position++;
            left = new Predicates.Or(left, and());
        }
        return left;
    }

    private PartitionPredicate and() {
        PartitionPredicate left = unary();
        while (peek().isKeyword("AND")) {
            position++;
            left = new Predicates.And(left, unary());
        }
        return left;
    }

    private PartitionPredicate unary() {
        Token token = peek();
        if (token.isKeyword("NOT")) {
            position++;
            return new Predicates.Not(unary());
        }
        if (token.kind() == Token.Kind.LEFT_PAREN) {
            position++;
            PartitionPredicate inner = or();
            expect(Token.Kind.RIGHT_PAREN);
            return inner;
        }
        return predicate();
    }

    private PartitionPredicate predicate() {
        Token first = next();
        if (first.kind() == Token.Kind.STRING || first.kind() == Token.Kind.NUMBER) {
            Operator operator = operator(next());
            KeyValue key = key(expect(Token.Kind.IDENTIFIER));
            return new Predicates.Comparison(key, operator.mirrored(), literal(key, first));
        }
        if (first.kind() != Token.Kind.IDENTIFIER || isReserved(first)) {
            throw unexpected(first);
        }
        KeyValue key = key(first);
        Token token = next();
        if (token.isKeyword("IS")) {
            boolean negated = acceptKeyword("NOT");
            expectKeyword("NULL");
            return negated ? new Predicates.Not(new Predicates.IsNull()) : new Predicates.IsNull();
        }
        boolean negated = token.isKeyword("NOT");
        if (negated) {
            token = next();
        }
        PartitionPredicate predicate;
        if (token.isKeyword("BETWEEN")) {
            Comparable<?> low = literal(key, next());
            expectKeyword("AND");
            predicate = new Predicates.Between(key, low, literal(key, next()));
        } else if (token.isKeyword("IN")) {
            predicate = new Predicates.In(key, literalList(key));
        } else if (token.isKeyword("LIKE")) {
            Token pattern = expect(Token.Kind.STRING);
            predicate = new Predicates.Like(key.index(), likePattern(pattern.text()));
        } else if (!negated) {
            return new Predicates.Comparison(key, operator(token), literal(key, next()));
        } else {
            throw unexpected(token);
        }
        return negated ? new Predicates.Not(predicate) : predicate;
    }

    private List<Comparable<?>> literalList(KeyValue key) {
        expect(Token.Kind.LEFT_PAREN);
        List<Comparable<?>> literals = new ArrayList<>();
        literals.add(literal(key, next()));
        while (peek().kind() == Token.Kind.COMMA) {
            position++;
            literals.add(literal(key, next()));
        }
        expect(Token.Kind.RIGHT_PAREN);
        return List.copyOf(literals);
    }

    private KeyValue key(Token token) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).name().equalsIgnoreCase(token.text())) {
                return new KeyValue(i, KeyType.of(keys.get(i)));
            }
        }
        throw GlueError.invalidInput("Unknown column '" + token.text() + "' in expression: only partition keys "
                + keys.stream().map(PartitionKey::name).toList() + " can be filtered on");
    }

    private Comparable<?> literal(KeyValue key, Token token) {
        if (token.kind() != Token.Kind.STRING && token.kind() != Token.Kind.NUMBER) {
            throw unexpected(token);
        }
        return key.type()
                .parse(token.text())
                .orElseThrow(() -> GlueError.invalidInput("Literal '" + token.text() + "' at position " + token.offset()
                        + " is not a valid " + key.type().name().toLowerCase(Locale.ROOT) + " for key "
                        + keys.get(key.index()).name()));
    }

    private static Operator operator(Token token) {
        if (token.kind() == Token.Kind.OPERATOR) {
            switch (token.text()) {
                case "=":
                    return Operator.EQ;
                case "<>":
                    return Operator.NE;
                case "<":
                    return Operator.LT;
                case "<=":
                    return Operator.LE;
                case ">":
                    return Operator.GT;
                case ">=":
                    return Operator.GE;
                default:
                    break;
            }
        }
        throw GlueError.invalidInput(
                "Expected a comparison operator at position " + token.offset() + " but found '" + token.text() + "'");
    }

    /** SQL LIKE: {@code %} any run, {@code _} one character, everything else literal. */
    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : like.toCharArray()) {
            if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static boolean isReserved(Token token) {
        for (String keyword : List.of("AND", "OR", "NOT", "IN", "BETWEEN", "LIKE", "IS", "NULL")) {
            if (token.isKeyword(keyword)) {
                return true;
            }
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword) {
        Token token = next();
        if (!token.isKeyword(keyword)) {
            throw GlueError.invalidInput("Expected " + keyword + " at position " + token.offset() + " in expression");
        }
    }

    private Token expect(Token.Kind kind) {
        Token token = next();
        if (token.kind() != kind) {
            throw unexpected(token);
        }
        return token;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.END) {
            position++;
        }
        return token;
    }

    private GlueError unexpected(Token token) {
        return GlueError.invalidInput(
                token.kind() == Token.Kind.END
                        ? "Unexpected end of expression: " + expression
                        : "Unexpected '" + token.text() + "' at position " + token.offset() + " in expression: "
                                + expression);
    }
}
