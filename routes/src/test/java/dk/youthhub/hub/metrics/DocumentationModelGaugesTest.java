package dk.youthhub.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.core.DocumentationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentationModelGaugesTest {

    @Test
    void aSuppressedCellIsNotExportedAndNoLabelIsFinerThanTheMunicipality() {
        Map<String, Long> status = new LinkedHashMap<>();
        status.put("I_UDDANNELSE", 12L);
        status.put("AFBRUDT", null);
        Map<String, Long> cells = new LinkedHashMap<>();
        cells.put("due", 0L);
        cells.put("held", 9L);
        cells.put("overdue", null);
        List<DocumentationModelGauges.Cell> out =
                DocumentationModelGauges.cells(
                        List.of(
                                new DocumentationReport.Municipality(
                                        "157", 21L, null, status, Map.of("STATUTORY_16", cells))));
        assertThat(out)
                .extracting(c -> c.gauge() + c.tags() + "=" + c.count())
                .containsExactlyInAnyOrder(
                        "people[tag(kommune=157)]=21",
                        "status[tag(kommune=157),tag(status=I_UDDANNELSE)]=12",
                        "meetings[tag(kind=STATUTORY_16),tag(kommune=157),tag(state=due)]=0",
                        "meetings[tag(kind=STATUTORY_16),tag(kommune=157),tag(state=held)]=9");
    }
}
