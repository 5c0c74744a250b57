package dk.youthhub.hub.metrics;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.core.Ages;
import dk.youthhub.hub.core.DocumentationReport;
import dk.youthhub.hub.youth.YouthRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The documentation model's figures as gauges, refreshed every {@code hub.reports.gauge-interval}
 * with the same suppression as the report: a suppressed cell is not exported, and no label is finer
 * than the municipality. {@code hub.youth.young.people{kommune}}, {@code
 * hub.youth.former{kommune}}, {@code hub.youth.education.status{kommune,status}}, {@code
 * hub.youth.meetings{kommune,kind,state}}.
 */
@Component
public class DocumentationModelGauges {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentationModelGauges.class);

    private final YouthRecords youth;
    private final HubProperties props;
    private final Clock clock;
    private final MultiGauge people;
    private final MultiGauge former;
    private final MultiGauge statuses;
    private final MultiGauge meetings;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "documentation-model-gauges");
                        t.setDaemon(true);
                        return t;
                    });

    public DocumentationModelGauges(
            YouthRecords youth, HubProperties props, Clock clock, MeterRegistry meters) {
        this.youth = youth;
        this.props = props;
        this.clock = clock;
        this.people = MultiGauge.builder("hub.youth.young.people").register(meters);
        this.former = MultiGauge.builder("hub.youth.former").register(meters);
        this.statuses = MultiGauge.builder("hub.youth.education.status").register(meters);
        this.meetings = MultiGauge.builder("hub.youth.meetings").register(meters);
    }

    /** One exported cell: its labels and count. */
    record Cell(String gauge, Tags tags, long count) {}

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = props.reports().gaugeInterval().toMillis();
        timer.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn(
                    "The documentation model's gauges were not refreshed: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Reads every record and sets the gauges. */
    public void refresh() {
        List<Cell> cells =
                cells(
                        DocumentationReport.of(
                                youth.all(),
                                LocalDate.now(clock.withZone(Ages.COPENHAGEN)),
                                props.reports().minCell(),
                                null));
        people.register(rows(cells, "people"), true);
        former.register(rows(cells, "former"), true);
        statuses.register(rows(cells, "status"), true);
        meetings.register(rows(cells, "meetings"), true);
    }

    /** The cells to export: every figure that is not suppressed. */
    static List<Cell> cells(List<DocumentationReport.Municipality> figures) {
        List<Cell> out = new ArrayList<>();
        for (DocumentationReport.Municipality m : figures) {
            Tags k = Tags.of("kommune", m.kommune());
            add(out, "people", k, m.youngPeople());
            add(out, "former", k, m.formerYoungPeople());
            m.educationStatus().forEach((s, n) -> add(out, "status", k.and("status", s), n));
            m.meetings()
                    .forEach(
                            (kind, cells) ->
                                    cells.forEach(
                                            (state, n) ->
                                                    add(
                                                            out,
                                                            "meetings",
                                                            k.and("kind", kind, "state", state),
                                                            n)));
        }
        return out;
    }

    private static void add(List<Cell> out, String gauge, Tags tags, Long count) {
        if (count != null) {
            out.add(new Cell(gauge, tags, count));
        }
    }

    private static List<MultiGauge.Row<?>> rows(List<Cell> cells, String gauge) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        cells.stream()
                .filter(c -> c.gauge().equals(gauge))
                .forEach(c -> rows.add(MultiGauge.Row.of(c.tags(), c.count())));
        return rows;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
