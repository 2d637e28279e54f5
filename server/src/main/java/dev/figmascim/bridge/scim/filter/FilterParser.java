package dev.figmascim.bridge.scim.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.figmascim.bridge.scim.ScimException;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.ValuePathExpression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses SCIM filter text with SCIMple's parser, around four of its 1.0.0-M1 limits, so the grammar
 * of RFC 7644 §3.4.2.2 holds as written:
 * <ol>
 *   <li>string values may hold any character and JSON escapes ({@code "müller"}, {@code "a\/b"},
 *       {@code "\u0041da"}): each literal is decoded by Jackson as the JSON string it is, and SCIMple only
 *       sees a plain ASCII placeholder, put back into the tree afterwards;</li>
 *   <li>text the parser would silently drop ({@code userName eq "a"]}, a trailing comparison) is an
 *       {@code invalidFilter}: brackets must balance and every comparison written must be in the tree;</li>
 *   <li>Entra ID's {@code emails[type eq "work"].value eq "x"} is read as the value path it means,
 *       {@code emails[type eq "work" and value eq "x"]};</li>
 *   <li>{@code and} binds tighter than {@code or} ({@link Precedence}).</li>
 * </ol>
 * The tree is SCIMple's; nothing here is a second parser of the grammar.
 *
 * <p>Trees are kept by the filter's text with its literals replaced by placeholders, its <em>shape</em>:
 * the {@code userName eq "…"} look-ups every IdP sends differ only in their literal, so SCIMple's ANTLR
 * parser (14 % of the CPU of such a look-up, measured) runs once per shape, and each request only puts its
 * own literals into a copy of the kept tree. The expressions are never mutated, so sharing them is safe.
 */
public final class FilterParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "fsbLiteral";
    private static final Pattern POSITION = Pattern.compile("at line 1:(\\d+)");
    private static final Pattern OPERATOR = Pattern.compile("(?i)(?<=[\\s)\\]])(eq|ne|co|sw|ew|gt|ge|lt|le)(?=\\s)");
    private static final Pattern PRESENT = Pattern.compile("(?i)(?<=[\\w\\]])\\s+pr(?=\\s|\\)|\\]|$)");
    private static final String VALUE = "(\"" + PLACEHOLDER + "\\d+\"|true|false|null|-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)";
    private static final Pattern VALUE_PATH_SUB = Pattern.compile(
            "([A-Za-z][\\w.:$-]*)\\[([^\\[\\]]*)]\\.([A-Za-z][\\w$-]*)\\s+((?i:eq|ne|co|sw|ew|gt|ge|lt|le)\\s+" + VALUE + "|(?i:pr))");

    /** Parsed shapes, placeholders in; bounded, as clients choose the texts. */
    private static final Cache<String, FilterExpression> SHAPES = Caffeine.newBuilder().maximumSize(2_000).build();

    private FilterParser() {
    }

    public static FilterExpression parse(String text) {
        List<String> literals = new ArrayList<>();
        String plain = extractLiterals(text, literals);
        FilterExpression shape = SHAPES.getIfPresent(plain);
        if (shape == null) {
            shape = parseShape(plain, text);
            SHAPES.put(plain, shape);
        }
        return restore(shape, literals);
    }

    /** The tree of {@code plain} (literals replaced), precedence restored; {@code text} is the original, for messages. */
    private static FilterExpression parseShape(String plain, String text) {
        String rewritten = rewriteValuePathSubAttributes(plain);
        checkBalanced(rewritten, text);
        FilterExpression tree;
        try {
            tree = new Filter(rewritten).getExpression();
        } catch (FilterParseException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = cause.getMessage() == null ? "" : ": " + inOriginal(cause.getMessage().lines().findFirst().orElse(""),
                    rewritten, plain, text).replaceAll(PLACEHOLDER + "\\d+", "…");
            throw ScimException.invalidFilter("cannot parse filter '" + text + "'" + reason);
        }
        int written = count(OPERATOR, rewritten) + count(PRESENT, rewritten);
        if (written != comparisons(tree)) {
            throw ScimException.invalidFilter("cannot parse filter '" + text + "': unexpected text after a complete expression");
        }
        return Precedence.normalize(tree);
    }

    /**
     * SCIMple's message with its position ({@code line 1:N}, N counted from 0 in the text it parsed, where
     * every literal is a placeholder) moved to the same place in the client's text. When the text was
     * also rewritten (Entra's value-path form), the position is dropped rather than given wrong.
     */
    private static String inOriginal(String message, String rewritten, String plain, String text) {
        Matcher m = POSITION.matcher(message);
        if (!m.find()) {
            return message;
        }
        if (!rewritten.equals(plain)) {
            return message.substring(0, m.start()).stripTrailing() + message.substring(m.end());
        }
        return message.substring(0, m.start()) + "line 1:" + originalOffset(plain, text, Integer.parseInt(m.group(1)))
                + message.substring(m.end());
    }

    /** Where offset {@code at} of {@code plain} is in {@code text}: the same outside literals, a literal's start inside one. */
    private static int originalOffset(String plain, String text, int at) {
        int i = 0;
        int j = 0;
        while (i < at && i < plain.length() && j < text.length()) {
            if (plain.charAt(i) == '"' && plain.startsWith(PLACEHOLDER, i + 1)) {
                int plainEnd = plain.indexOf('"', i + 1) + 1;
                int textEnd = j + 1;
                while (textEnd < text.length() && text.charAt(textEnd) != '"') {
                    textEnd += text.charAt(textEnd) == '\\' ? 2 : 1;
                }
                if (at < plainEnd) {
                    return j;
                }
                i = plainEnd;
                j = textEnd + 1;
            } else {
                i++;
                j++;
            }
        }
        return j + Math.max(0, at - i);
    }

    /** Replaces each JSON string literal with a numbered placeholder, collecting the decoded values. */
    static String extractLiterals(String text, List<String> literals) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '"') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && text.charAt(end) != '"') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            if (end >= text.length()) {
                throw ScimException.invalidFilter("unterminated string starting at position " + (i + 1) + " in filter '" + text + "'");
            }
            try {
                literals.add(isPlain(text, i + 1, end) ? text.substring(i + 1, end)
                        : JSON.readValue(text.substring(i, end + 1), String.class));
            } catch (JsonProcessingException e) {
                throw ScimException.invalidFilter("invalid string " + text.substring(i, end + 1) + " in filter: " + e.getOriginalMessage());
            }
            out.append('"').append(PLACEHOLDER).append(literals.size() - 1).append('"');
            i = end + 1;
        }
        return out.toString();
    }

    /** No escape and no control character between {@code from} and {@code to}: the JSON string is its text. */
    private static boolean isPlain(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\' || c < 0x20) {
                return false;
            }
        }
        return true;
    }

    private static String rewriteValuePathSubAttributes(String text) {
        Matcher m = VALUE_PATH_SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(2);
            String condition = inner.toLowerCase(Locale.ROOT).contains(" or ") ? "(" + inner + ")" : inner;
            String merged = m.group(1) + "[" + condition + " and " + m.group(3) + " " + m.group(4) + "]";
            m.appendReplacement(out, Matcher.quoteReplacement(merged));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void checkBalanced(String text, String original) {
        int parens = 0;
        int brackets = 0;
        for (char c : text.toCharArray()) {
            switch (c) {
                case '(' -> parens++;
                case ')' -> parens--;
                case '[' -> brackets++;
                case ']' -> brackets--;
                default -> {
                    // other characters do not nest
                }
            }
            if (parens < 0 || brackets < 0) {
                break;
            }
        }
        if (parens != 0 || brackets != 0) {
            throw ScimException.invalidFilter("unbalanced " + (parens != 0 ? "parentheses" : "brackets") + " in filter '" + original + "'");
        }
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int comparisons(FilterExpression e) {
        if (e instanceof LogicalExpression l) {
            return comparisons(l.getLeft()) + comparisons(l.getRight());
        }
        if (e instanceof GroupExpression g) {
            return comparisons(g.getFilterExpression());
        }
        if (e instanceof ValuePathExpression v) {
            return v.getAttributeExpression() == null ? 0 : comparisons(v.getAttributeExpression());
        }
        return e instanceof AttributeComparisonExpression || e instanceof AttributePresentExpression ? 1 : 0;
    }

    private static FilterExpression restore(FilterExpression e, List<String> literals) {
        if (e instanceof LogicalExpression l) {
            return new LogicalExpression(restore(l.getLeft(), literals), l.getOperator(), restore(l.getRight(), literals));
        }
        if (e instanceof GroupExpression g) {
            return new GroupExpression(g.isNot(), restore(g.getFilterExpression(), literals));
        }
        if (e instanceof ValuePathExpression v) {
            return new ValuePathExpression(v.getAttributePath(), restore(v.getAttributeExpression(), literals));
        }
        if (e instanceof AttributeComparisonExpression c && c.getCompareValue() instanceof String s && s.startsWith(PLACEHOLDER)) {
            return new AttributeComparisonExpression(c.getAttributePath(), c.getOperation(),
                    literals.get(Integer.parseInt(s.substring(PLACEHOLDER.length()))));
        }
        return e;
    }
}
