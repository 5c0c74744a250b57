package dk.youthhub.hub.kafka;

import dk.youthhub.hub.config.HubProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded broker, when on. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** Started while the context starts, before topics are created and routes consume. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "hub.kafka.embedded.enabled", havingValue = "true")
    EmbeddedKafkaServer embeddedKafkaServer(HubProperties props) {
        HubProperties.Embedded e = props.kafka().embedded();
        return new EmbeddedKafkaServer(
                props.dataDir().resolve("kafka"),
                e.host(),
                e.port(),
                e.controllerPort(),
                e.flushEveryMessage());
    }
}
