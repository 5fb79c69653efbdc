package io.habitcoach.examples.springboot.web;

import io.habitcoach.core.streak.HabitStrength;
import java.util.List;
import java.util.Locale;

/** The strength line as inline SVG, drawn on the server: no chart library, works offline and in e-mail. */
final class Charts {

    static final int WIDTH = 360;
    static final int HEIGHT = 120;

    private Charts() {
    }

    static String strengthLine(List<HabitStrength.DailyScore> series) {
        StringBuilder points = new StringBuilder();
        int n = series.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? 0 : (double) i * WIDTH / (n - 1);
            double y = HEIGHT - series.get(i).score() * HEIGHT;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        HabitStrength.DailyScore last = series.get(n - 1);
        String title = String.format(Locale.ROOT, "Strength from %s (%d%%) to %s (%d%%)", series.get(0).date(),
                Math.round(series.get(0).score() * 100), last.date(), Math.round(last.score() * 100));
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"strength\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"img\" aria-label=\"" + title + "\"><title>" + title + "</title>"
                + "<line x1=\"0\" y1=\"" + HEIGHT / 2 + "\" x2=\"" + WIDTH + "\" y2=\"" + HEIGHT / 2
                + "\" class=\"mid\"/><polyline fill=\"none\" points=\"" + points.toString().strip() + "\"/></svg>";
    }
}
