package org.chainline.dossier.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Breaks runs of styled text into lines that fit a width (greedy, by words; a word too long is broken). */
final class TextLines {

    /** A piece of a line: its text, style, link and offset from the line's start. */
    record Fragment(String text, Style style, String link, float x, float width) {
    }

    record Line(List<Fragment> fragments, float height) {
    }

    private TextLines() {
    }

    static List<Line> wrap(List<Span> spans, float width, Measure measure) {
        List<Line> lines = new ArrayList<>();
        List<Fragment> current = new ArrayList<>();
        float x = 0;
        float height = 0;
        for (Span span : spans) {
            String text = measure.printable(span.style().face(), span.text() == null ? "" : span.text());
            int at = 0;
            while (at < text.length()) {
                int end = tokenEnd(text, at);
                String token = text.substring(at, end);
                at = end;
                if (token.equals("\n")) {
                    lines.add(new Line(List.copyOf(current), Math.max(height, span.style().leading())));
                    current.clear();
                    x = 0;
                    height = 0;
                    continue;
                }
                if (current.isEmpty() && token.isBlank()) {
                    continue;
                }
                float w = measure.width(span.style(), token.stripTrailing());
                if (x + w > width && !current.isEmpty()) {
                    lines.add(new Line(List.copyOf(current), height));
                    current.clear();
                    x = 0;
                    height = 0;
                    if (token.isBlank()) {
                        continue;
                    }
                }
                while (w > width && token.length() > 1) {
                    int fit = fitting(token, span.style(), width - x, measure);
                    String head = token.substring(0, fit);
                    current.add(new Fragment(head, span.style(), span.link(), x, measure.width(span.style(), head)));
                    lines.add(new Line(List.copyOf(current), Math.max(height, span.style().leading())));
                    current.clear();
                    x = 0;
                    height = 0;
                    token = token.substring(fit);
                    w = measure.width(span.style(), token.stripTrailing());
                }
                float full = measure.width(span.style(), token);
                current.add(new Fragment(token, span.style(), span.link(), x, w));
                x += full;
                height = Math.max(height, span.style().leading());
            }
        }
        if (!current.isEmpty()) {
            lines.add(new Line(List.copyOf(current), height));
        }
        return merged(lines);
    }

    /** A token is a newline, a word with the spaces after it, or spaces alone. */
    private static int tokenEnd(String text, int from) {
        if (text.charAt(from) == '\n') {
            return from + 1;
        }
        int i = from;
        while (i < text.length() && !isSpace(text.charAt(i)) && text.charAt(i) != '\n') {
            i++;
        }
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\u000B' || c == '\f';
    }

    private static int fitting(String token, Style style, float room, Measure measure) {
        int n = 1;
        while (n < token.length() && measure.width(style, token.substring(0, n + 1)) <= room) {
            n++;
        }
        return n;
    }

    /** Neighbouring fragments of one style and link become one, so that a line is drawn in few operations. */
    private static List<Line> merged(List<Line> lines) {
        List<Line> result = new ArrayList<>(lines.size());
        for (Line line : lines) {
            List<Fragment> merged = new ArrayList<>();
            for (Fragment f : line.fragments()) {
                if (!merged.isEmpty()) {
                    Fragment last = merged.getLast();
                    if (last.style().equals(f.style()) && Objects.equals(last.link(), f.link())) {
                        merged.set(merged.size() - 1, new Fragment(last.text() + f.text(), f.style(), f.link(), last.x(),
                                f.x() + f.width() - last.x()));
                        continue;
                    }
                }
                merged.add(f);
            }
            if (!merged.isEmpty()) {
                Fragment last = merged.getLast();
                merged.set(merged.size() - 1, new Fragment(last.text().stripTrailing(), last.style(), last.link(), last.x(), last.width()));
            }
            result.add(new Line(merged, line.height()));
        }
        return result;
    }
}
