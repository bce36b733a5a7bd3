package io.stocklake.glue.endpoint.expression;

/** A lexical token of a filter expression and the offset it starts at, for error messages. */
record Token(Kind kind, String text, int offset) {
    enum Kind {
        IDENTIFIER,
        STRING,
        NUMBER,
        OPERATOR,
        LEFT_PAREN,
        RIGHT_PAREN,
        COMMA,
        END
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    boolean is(Kind expected, String value) {
        return kind == expected && text.equals(value);
    }
}
