package dk.youthhub.hub.kafka;

import dk.youthhub.hub.config.HubProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka side of the hub: the embedded broker when on, and Camel's Kafka component. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** Started while the context starts, before topics are created and routes consume. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "hub.kafka.embedded.enabled", havingValue = "true")
    EmbeddedKafkaServer embeddedKafkaServer(HubProperties props) {
        HubProperties.Embedded e = props.kafka().embedded();
        return new EmbeddedKafkaServer(
                props.dataDir().resolve("kafka"), e.host(), e.port(), e.controllerPort());
    }

    /** Camel's consumers get the same cluster and client settings as the hub's own clients. */
    @Bean
    ComponentCustomizer kafkaComponentCustomizer(KafkaClients clients) {
        return ComponentCustomizer.forType(
                KafkaComponent.class,
                c -> {
                    c.getConfiguration().setBrokers(clients.bootstrapServers());
                    Map<String, Object> extra = new HashMap<>(clients.commonProperties());
                    extra.remove("bootstrap.servers");
                    c.getConfiguration().setAdditionalProperties(extra);
                });
    }
}
