package dk.youthhub.hub.console;

import java.util.List;

/** The console's server-rendered pages: one layout, escaped text, plain tables and forms. */
final class Html {
    private Html() {}

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table with these headings and rows of already escaped cells. */
    static String table(String id, List<String> headings, List<List<String>> rows, String lang) {
        if (rows.isEmpty()) {
            return "<p class=\"none\" id=\"" + id + "\">" + esc(Labels.of(lang, "none")) + "</p>";
        }
        StringBuilder t = new StringBuilder("<table id=\"" + id + "\"><thead><tr>");
        headings.forEach(h -> t.append("<th>").append(esc(h)).append("</th>"));
        t.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            t.append("<tr>");
            row.forEach(c -> t.append("<td>").append(c).append("</td>"));
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }

    /** A page of the logged-in console: the navigation, then the content. */
    static String page(String lang, String csrf, String current, String heading, String content) {
        StringBuilder nav = new StringBuilder("<nav>");
        for (String p : List.of("overview", "deadletters", "held", "youth", "report")) {
            String href = p.equals("overview") ? "/console" : "/console/" + p;
            nav.append("<a id=\"nav-")
                    .append(p)
                    .append("\" href=\"")
                    .append(href)
                    .append("\"")
                    .append(p.equals(current) ? " class=\"current\"" : "")
                    .append(">")
                    .append(esc(Labels.of(lang, "nav." + p)))
                    .append("</a>");
        }
        nav.append("<span class=\"right\"><a id=\"lang\" href=\"?lang=")
                .append("en".equals(lang) ? "da\">Dansk" : "en\">English")
                .append("</a><form method=\"post\" action=\"/console/logout\" class=\"inline\">")
                .append(hidden("csrf", csrf))
                .append("<button id=\"logout\">")
                .append(esc(Labels.of(lang, "logout")))
                .append("</button></form></span></nav>");
        return shell(
                lang, heading, nav + "<main><h1>" + esc(heading) + "</h1>" + content + "</main>");
    }

    static String shell(String lang, String heading, String body) {
        return "<!DOCTYPE html><html lang=\""
                + ("en".equals(lang) ? "en" : "da")
                + "\"><head><meta charset=\"utf-8\"><title>"
                + esc(heading)
                + " – "
                + esc(Labels.of(lang, "title"))
                + "</title><link rel=\"stylesheet\" href=\"/console/console.css\"></head><body>"
                + body
                + "</body></html>";
    }
}
