package dk.youthhub.hub.kafka;

import dk.youthhub.hub.config.HubProperties;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates every contract topic that is missing, with its retention, before any route starts; warns
 * about existing topics that keep records for less time than configured.
 */
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
            Map<String, Duration> retentions = topics.retentions();
            List<NewTopic> missing =
                    topics.all().stream()
                            .distinct()
                            .filter(t -> !existing.contains(t))
                            .map(
                                    t ->
                                            new NewTopic(
                                                            t,
                                                            Optional.of(settings.partitions()),
                                                            replication)
                                                    .configs(config(t, retentions)))
                            .toList();
            warnAboutShortRetention(admin, existing, retentions);
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

    private Map<String, String> config(String topic, Map<String, Duration> retentions) {
        Map<String, String> config = new java.util.HashMap<>();
        config.put(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentions.get(topic).toMillis()));
        if (topics.compacted().contains(topic)) {
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete");
        }
        return config;
    }

    private static void warnAboutShortRetention(
            Admin admin, Set<String> existing, Map<String, Duration> wanted)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<ConfigResource> resources =
                wanted.keySet().stream()
                        .filter(existing::contains)
                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                        .toList();
        if (resources.isEmpty()) {
            return;
        }
        Map<String, Long> actual = new java.util.HashMap<>();
        admin.describeConfigs(resources)
                .all()
                .get(60, TimeUnit.SECONDS)
                .forEach(
                        (resource, config) -> {
                            var entry = config.get(TopicConfig.RETENTION_MS_CONFIG);
                            if (entry != null && entry.value() != null) {
                                actual.put(resource.name(), Long.parseLong(entry.value()));
                            }
                        });
        for (String problem : shorterThanWanted(actual, wanted)) {
            LOG.warn("{}", problem);
        }
    }

    /** The topics that keep records for less time than wanted ({@code -1} is forever). */
    static List<String> shorterThanWanted(
            Map<String, Long> actualMs, Map<String, Duration> wanted) {
        return wanted.entrySet().stream()
                .filter(e -> actualMs.containsKey(e.getKey()))
                .filter(
                        e -> {
                            long ms = actualMs.get(e.getKey());
                            return ms >= 0 && ms < e.getValue().toMillis();
                        })
                .map(
                        e ->
                                "Topic "
                                        + e.getKey()
                                        + " keeps records for "
                                        + Duration.ofMillis(actualMs.get(e.getKey()))
                                        + ", less than the configured "
                                        + e.getValue()
                                        + ": set its retention.ms to at least "
                                        + e.getValue().toMillis())
                .toList();
    }
}
