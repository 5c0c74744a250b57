package dk.youthhub.hub.kafka;

import dk.youthhub.hub.config.HubProperties;
import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Creates every contract topic that is missing, before any route starts. */
@Component
public class TopicInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(TopicInitializer.class);

    private final KafkaClients clients;
    private final Topics topics;
    private final HubProperties.Topics settings;

    public TopicInitializer(KafkaClients clients, Topics topics, HubProperties props) {
        this.clients = clients;
        this.topics = topics;
        this.settings = props.topics();
    }

    @PostConstruct
    void createMissingTopics() throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = clients.admin()) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            Optional<Short> replication =
                    settings.replicationFactor() < 0
                            ? Optional.empty()
                            : Optional.of(settings.replicationFactor());
            List<NewTopic> missing =
                    topics.all().stream()
                            .distinct()
                            .filter(t -> !existing.contains(t))
                            .map(
                                    t ->
                                            new NewTopic(
                                                    t,
                                                    Optional.of(settings.partitions()),
                                                    replication))
                            .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            LOG.info("Created {} topics", missing.size());
        }
    }
}
