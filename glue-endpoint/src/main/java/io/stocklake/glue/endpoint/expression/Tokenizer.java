package io.stocklake.glue.endpoint.expression;

import io.stocklake.glue.endpoint.api.GlueError;
import java.util.ArrayList;
import java.util.List;

/** Splits a filter expression into tokens: identifiers (bare or back-quoted), quoted strings, numbers, operators. */
final class Tokenizer {
    private final String text;
    private int position;

    Tokenizer(String text) {
        this.text = text;
    }

    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (position >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = position;
        char c = text.charAt(position);
        if (c == '\'' || c == '"') {
            return new Token(Token.Kind.STRING, quoted(c), start);
        }
        if (c == '`') {
            return new Token(Token.Kind.IDENTIFIER, quoted('`'), start);
        }
        if (Character.isDigit(c)
                || (c == '-' || c == '.')
                        && position + 1 < text.length()
                        && Character.isDigit(text.charAt(position + 1))) {
            return new Token(Token.Kind.NUMBER, number(), start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (position < text.length()
                    && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                position++;
            }
            return new Token(Token.Kind.IDENTIFIER, text.substring(start, position), start);
        }
        position++;
        switch (c) {
            case '(':
                return new Token(Token.Kind.LEFT_PAREN, "(", start);
            case ')':
                return new Token(Token.Kind.RIGHT_PAREN, ")", start);
            case ',':
                return new Token(Token.Kind.COMMA, ",", start);
            case '=':
                return new Token(Token.Kind.OPERATOR, "=", start);
            case '<':
                if (accept('=')) {
                    return new Token(Token.Kind.OPERATOR, "<=", start);
                }
                // The API reference spells inequality "< >"; JSQLParser accepts the space.
                skipWhitespace();
                if (accept('>')) {
                    return new Token(Token.Kind.OPERATOR, "<>", start);
                }
                return new Token(Token.Kind.OPERATOR, "<", start);
            case '>':
                return new Token(Token.Kind.OPERATOR, accept('=') ? ">=" : ">", start);
            case '!':
                if (accept('=')) {
                    return new Token(Token.Kind.OPERATOR, "<>", start);
                }
                break;
            default:
                break;
        }
        throw GlueError.invalidInput("Unexpected character '" + c + "' at position " + start + " in expression");
    }

    private String quoted(char quote) {
        int start = position;
        StringBuilder value = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == quote) {
                if (position < text.length() && text.charAt(position) == quote) {
                    value.append(quote);
                    position++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        throw GlueError.invalidInput("Unterminated quote starting at position " + start + " in expression");
    }

    private String number() {
        int start = position;
        if (text.charAt(position) == '-') {
            position++;
        }
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        return text.substring(start, position);
    }

    private boolean accept(char expected) {
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
