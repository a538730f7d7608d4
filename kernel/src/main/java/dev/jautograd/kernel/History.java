package dev.jautograd.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * This session's executed inputs (and their text/plain results), answering
 * {@code history_request} the way IPython does: tail, range and glob search.
 */
final class History {
    /** Session number 1 is this kernel's only session; IPython numbers sessions the same way. */
    static final int SESSION = 1;

    private record Entry(int line, String input, String output) { }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    synchronized JsonArray query(JsonObject request) {
        boolean withOutput = request.has("output") && request.get("output").getAsBoolean();
        String access = request.has("hist_access_type") ? request.get("hist_access_type").getAsString() : "tail";
        int n = request.has("n") && !request.get("n").isJsonNull() ? request.get("n").getAsInt() : Integer.MAX_VALUE;
        List<Entry> selected = switch (access) {
            case "range" -> range(intOr(request, "start", 1), intOr(request, "stop", Integer.MAX_VALUE));
            case "search" -> search(request.has("pattern") ? request.get("pattern").getAsString() : "*",
                    request.has("unique") && request.get("unique").getAsBoolean(), n);
            default -> last(entries, n);
        };
        var history = new JsonArray();
        selected.forEach(e -> history.add(row(e, withOutput)));
        return history;
    }

    private List<Entry> range(int start, int stop) {
        return entries.stream().filter(e -> e.line() >= start && e.line() < stop).toList();
    }

    /** IPython matches the glob against the whole input; {@code unique} keeps the latest of each. */
    private List<Entry> search(String glob, boolean unique, int n) {
        var regex = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        var matching = entries.stream().filter(e -> regex.matcher(e.input()).matches()).toList();
        if (unique) {
            var seen = new LinkedHashSet<String>();
            var latestFirst = new ArrayList<Entry>();
            for (int i = matching.size() - 1; i >= 0; i--) {
                if (seen.add(matching.get(i).input())) {
                    latestFirst.add(0, matching.get(i));
                }
            }
            matching = latestFirst;
        }
        return last(matching, n);
    }

    private static List<Entry> last(List<Entry> list, int n) {
        return list.subList(Math.max(0, list.size() - n), list.size());
    }

    private static JsonArray row(Entry e, boolean withOutput) {
        var row = new JsonArray();
        row.add(SESSION);
        row.add(e.line());
        if (withOutput) {
            var pair = new JsonArray();
            pair.add(e.input());
            if (e.output() == null) {
                pair.add(JsonNull.INSTANCE);
            } else {
                pair.add(e.output());
            }
            row.add(pair);
        } else {
            row.add(e.input());
        }
        return row;
    }

    static String globToRegex(String glob) {
        var sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    private static int intOr(JsonObject o, String key, int fallback) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : fallback;
    }
}
