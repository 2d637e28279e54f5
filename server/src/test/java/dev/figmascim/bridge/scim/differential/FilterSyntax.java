package dev.figmascim.bridge.scim.differential;

import java.util.List;
import java.util.Locale;

/**
 * The reference's own reading of a filter, written from the ABNF of RFC 7644 §3.4.2.2 (Figure 1)
 * and JSON string rules (RFC 8259 §7), independently of SCIMple's parser and of
 * {@code Precedence}: {@code and} binds tighter than {@code or}, both associate to the left,
 * {@code not} needs parentheses, a value path's brackets hold sub-attribute expressions, and a
 * comparison value is a JSON literal (any Unicode character, every JSON escape).
 *
 * <p>The grammar has no {@code attr[...].sub} form (that is a PATCH path, RFC 7644 §3.5.2) and nothing
 * may follow a complete filter. Only one liberty is taken: runs of spaces count as one {@code SP}.
 */
final class FilterSyntax {

    /** An attribute path: schema URN (null when not written), attribute and optional sub-attribute. */
    record Path(String urn, String attribute, String sub) {
        @Override
        public String toString() {
            return (urn == null ? "" : urn + ":") + attribute + (sub == null ? "" : "." + sub);
        }
    }

    /** A node of the filter tree. */
    sealed interface Node permits Compare, Present, Logic, Group, ValuePath {
    }

    /** {@code path op value}; value is a String, Boolean, Number or null (JSON null). */
    record Compare(Path path, String op, Object value) implements Node {
    }

    /** {@code path pr}. */
    record Present(Path path) implements Node {
    }

    /** {@code left and right} or {@code left or right}. */
    record Logic(Node left, boolean and, Node right) implements Node {
    }

    /** {@code (inner)} or {@code not (inner)}. */
    record Group(boolean not, Node inner) implements Node {
    }

    /** {@code path[inner]}: inner's paths name sub-attributes of {@code path}. */
    record ValuePath(Path path, Node inner) implements Node {
    }

    /** The text is not a filter under the grammar. */
    static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private static final List<String> OPERATORS = List.of("eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le");

    private final String text;
    private int pos;

    private FilterSyntax(String text) {
        this.text = text;
    }

    static Node parse(String text) {
        FilterSyntax p = new FilterSyntax(text);
        Node n = p.or(null);
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the filter");
        }
        return n;
    }

    /** An attribute path on its own, as sortBy names one. */
    static Path parsePath(String text) {
        FilterSyntax p = new FilterSyntax(text);
        Path path = p.path(null);
        if (p.pos != text.length()) {
            throw p.error("not an attribute path");
        }
        return path;
    }

    private Node or(Path parent) {
        Node left = and(parent);
        while (keywordAhead("or")) {
            left = new Logic(left, false, and(parent));
        }
        return left;
    }

    private Node and(Path parent) {
        Node left = unary(parent);
        while (keywordAhead("and")) {
            left = new Logic(left, true, unary(parent));
        }
        return left;
    }

    /** After an operand: {@code SP word SP} followed by more, consumed when present. */
    private boolean keywordAhead(String word) {
        int save = pos;
        if (spaces() && matchWord(word) && spaces()) {
            return true;
        }
        pos = save;
        return false;
    }

    private Node unary(Path parent) {
        int save = pos;
        if (matchWord("not")) {
            skipSpaces();
            if (peek() == '(') {
                return new Group(true, parenthesised(parent));
            }
            pos = save;
        }
        if (peek() == '(') {
            return new Group(false, parenthesised(parent));
        }
        Path path = path(parent);
        if (peek() == '[') {
            if (parent != null) {
                throw error("a value path cannot be nested");
            }
            pos++;
            Node inner = or(path);
            expect(']');
            if (peek() == '.') {
                // Entra ID's emails[type eq "work"].value eq "x": the bridge reads it, as documented in
                // docs/scim-mapping.md, as emails[type eq "work" and value eq "x"].
                pos++;
                return new ValuePath(path, new Logic(inner, true, unary(path)));
            }
            return new ValuePath(path, inner);
        }
        if (!spaces()) {
            throw error("expected a space after the attribute path");
        }
        String op = word();
        if (op.equals("pr")) {
            return new Present(path);
        }
        if (!OPERATORS.contains(op)) {
            throw error("unknown operator '" + op + "'");
        }
        if (!spaces()) {
            throw error("expected a space before the comparison value");
        }
        return new Compare(path, op, value());
    }

    private Node parenthesised(Path parent) {
        expect('(');
        Node inner = or(parent);
        expect(')');
        return inner;
    }

    /** {@code [URI ":"] ATTRNAME *1subAttr}; inside a value path a bare ATTRNAME names a sub-attribute. */
    private Path path(Path parent) {
        int start = pos;
        while (pos < text.length() && isPathChar(text.charAt(pos))) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.isEmpty()) {
            throw error("expected an attribute path");
        }
        int colon = token.lastIndexOf(':');
        String urn = colon < 0 ? null : token.substring(0, colon);
        String rest = token.substring(colon + 1);
        String[] parts = rest.split("\\.", -1);
        if (parts.length > 2 || !isAttrName(parts[0]) || parts.length == 2 && !isAttrName(parts[1])) {
            throw error("malformed attribute path '" + token + "'");
        }
        if (parent != null) {
            if (urn != null || parts.length != 1) {
                throw error("inside a value path only a sub-attribute name may appear, not '" + token + "'");
            }
            return new Path(parent.urn(), parent.attribute(), parts[0]);
        }
        return new Path(urn, parts[0], parts.length == 2 ? parts[1] : null);
    }

    private static boolean isPathChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == ':' || c == '.' || c == '-' || c == '_' || c == '$');
    }

    private static boolean isAttrName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '$')) {
            return false;
        }
        return s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '$'));
    }

    /** {@code false / null / true / number / string}, as JSON. */
    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || c >= '0' && c <= '9') {
            return number();
        }
        String w = wordExact();
        return switch (w) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> throw error("expected a JSON value, not '" + w + "'");
        };
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException bad) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Number number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String n = text.substring(start, pos);
        if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw error("malformed number '" + n + "'");
        }
        if (n.matches("-?[0-9]+")) {
            long v = Long.parseLong(n);
            return v == (int) v ? (Number) (int) v : (Number) v;
        }
        return Double.parseDouble(n);
    }

    /** A keyword, compared case-insensitively (RFC 7644 §3.4.2.2: operators are case-insensitive). */
    private String word() {
        return wordExact().toLowerCase(Locale.ROOT);
    }

    private String wordExact() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) < 128 && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean matchWord(String w) {
        int end = pos + w.length();
        if (end <= text.length() && text.substring(pos, end).equalsIgnoreCase(w)
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private boolean spaces() {
        int start = pos;
        skipSpaces();
        return pos > start;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private SyntaxError error(String message) {
        return new SyntaxError(message + " at position " + pos + " of: " + text);
    }

    /** A canonical rendering, also used to compare this tree with SCIMple's (see {@link ScimpleTrees}). */
    static String canonical(Node n) {
        StringBuilder out = new StringBuilder();
        render(n, out);
        return out.toString();
    }

    private static void render(Node n, StringBuilder out) {
        switch (n) {
            case Compare c -> out.append(canonical(c.path())).append(' ').append(c.op()).append(' ').append(literal(c.value()));
            case Present p -> out.append(canonical(p.path())).append(" pr");
            case Logic l -> {
                out.append('{');
                render(l.left(), out);
                out.append(l.and() ? " and " : " or ");
                render(l.right(), out);
                out.append('}');
            }
            case Group g -> {
                out.append(g.not() ? "not (" : "(");
                render(g.inner(), out);
                out.append(')');
            }
            case ValuePath v -> {
                out.append(canonical(v.path())).append('[');
                render(v.inner(), out);
                out.append(']');
            }
        }
    }

    static String canonical(Path p) {
        return ((p.urn() == null ? "" : p.urn() + ":") + p.attribute() + (p.sub() == null ? "" : "." + p.sub())).toLowerCase(Locale.ROOT);
    }

    /** A value as a filter literal: JSON for strings (quotes and backslashes escaped). */
    static String literal(Object value) {
        if (!(value instanceof String s)) {
            return String.valueOf(value);
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
