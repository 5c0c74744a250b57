package dk.youthhub.hub.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LogFormatTest {

    @Test
    void jsonSwitchesTheConsoleToStructuredLinesAndTextOrNothingLeavesIt() {
        assertThat(format(Map.of("HUB_LOG_FORMAT", "json"))).isEqualTo("ecs");
        assertThat(format(Map.of("HUB_LOG_FORMAT", "text"))).isNull();
        assertThat(format(Map.of())).isNull();
        assertThatThrownBy(() -> format(Map.of("HUB_LOG_FORMAT", "xml")))
                .hasMessageContaining("HUB_LOG_FORMAT must be json or text")
                .hasMessageNotContaining("xml");
    }

    private static String format(Map<String, Object> env) {
        StandardEnvironment e = new StandardEnvironment();
        e.getPropertySources().addFirst(new MapPropertySource("test", env));
        new LogFormat().postProcessEnvironment(e, new SpringApplication());
        return e.getProperty("logging.structured.format.console");
    }
}
