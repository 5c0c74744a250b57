package dk.youthhub.hub.filedrop;

import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.TopicInitializer;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The file drops: one {@link FileDropStage} for each system whose connector's inbound is a file
 * drop, reading {@code hub.systems.<id>.file-drop.inbox} into the system's events topic.
 */
@Component
public class FileDrops implements SmartLifecycle {
    private final Map<String, FileDropStage> stages = new LinkedHashMap<>();

    public FileDrops(
            Systems systems,
            Topics topics,
            KafkaClients clients,
            Pseudonymizer pseudonymizer,
            Clock clock,
            TopicInitializer topicsCreated)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Systems.HubSystem> drops = systems.inbound(ConnectorDescriptor.Inbound.FILE_DROP);
        if (!drops.isEmpty()) {
            createLedger(clients, topics);
        }
        for (Systems.HubSystem s : drops) {
            var settings = s.settings().fileDrop();
            stages.put(
                    s.id(),
                    new FileDropStage(
                            new FileDropStage.Settings(
                                    s.id(),
                                    settings.inbox(),
                                    settings.pollInterval(),
                                    settings.progressEvery(),
                                    topics.events(s.system()).orElseThrow(),
                                    topics.fileDropLedger()),
                            s.connector().fileDrop().orElseThrow(),
                            pseudonymizer,
                            clients,
                            clock));
        }
    }

    private static void createLedger(KafkaClients clients, Topics topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = clients.admin()) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(
                                                    topics.fileDropLedger(),
                                                    1,
                                                    topics.replicationFactor())
                                            .configs(Map.of("cleanup.policy", "compact"))))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Each file-drop stage's state, by system id. */
    public Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        stages.forEach((id, stage) -> states.put(id, stage.state()));
        return states;
    }

    @Override
    public void start() {
        stages.values().forEach(FileDropStage::start);
    }

    @Override
    public void stop() {
        stages.values().forEach(FileDropStage::stop);
    }

    @Override
    public boolean isRunning() {
        return stages.values().stream().anyMatch(FileDropStage::isRunning);
    }
}
