package dk.youthhub.hub.tools;

import ch.qos.logback.classic.Level;
import dk.youthhub.hub.boot.DataDirLock;
import dk.youthhub.hub.boot.OfflineSettings;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.kafka.EmbeddedKafkaServer;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.AuditKeyring;
import dk.youthhub.hub.privacy.Pseudonymizer;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the pseudonym key of a stopped hub, with the hub's own settings (the same environment
 * variables) plus the new secret in {@code HUB_PSEUDONYM_NEW_SECRET}:
 *
 * <pre>
 * HUB_PSEUDONYM_NEW_SECRET=... java -cp youthhub.jar -Dloader.main=dk.youthhub.hub.tools.RekeyTool \
 *   org.springframework.boot.loader.launch.PropertiesLauncher
 * </pre>
 *
 * With the embedded default it opens the data directory itself (and refuses while a hub holds it).
 * Then start the hub with {@code HUB_PSEUDONYM_SECRET} set to the new secret. The procedure and
 * what it leaves behind are in the operations guide.
 */
public final class RekeyTool {

    private RekeyTool() {}

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        String newSecret = System.getenv("HUB_PSEUDONYM_NEW_SECRET");
        if (newSecret == null || newSecret.isBlank()) {
            System.err.println("HUB_PSEUDONYM_NEW_SECRET must name the new pseudonym secret");
            System.exit(2);
        }
        System.exit(run(OfflineSettings.bind(Map.of(), true), newSecret));
    }

    /** Re-keys, reports on standard output; the exit code: 0 done, 1 refused. */
    public static int run(HubProperties props, String newSecret) throws Exception {
        EmbeddedKafkaServer broker = null;
        try {
            if (props.kafka().embedded().enabled()) {
                DataDirLock.lock(props.dataDir().toAbsolutePath().normalize());
                HubProperties.Embedded e = props.kafka().embedded();
                broker =
                        new EmbeddedKafkaServer(
                                props.dataDir().resolve("kafka"),
                                e.host(),
                                e.port(),
                                e.controllerPort(),
                                e.flushEveryMessage());
                broker.start();
            }
            Systems systems = new Systems(new ConnectorRegistry(), props);
            KafkaClients clients = new KafkaClients(props, Optional.ofNullable(broker));
            PseudonymRekey.Report report =
                    PseudonymRekey.run(
                            props,
                            clients,
                            new Topics(props, systems),
                            systems,
                            new Pseudonymizer(props),
                            Pseudonymizer.withSecret(newSecret),
                            AuditKeyring.keys(props),
                            Clock.systemUTC());
            System.out.println(
                    "re-keyed "
                            + report.youngPeople()
                            + " young people: "
                            + report.storeWrites()
                            + " state records, "
                            + report.auditRecords()
                            + " REKEYED audit records, "
                            + report.registerWrites()
                            + " register entries; "
                            + report.left()
                            + " pseudonyms without a CPR number kept their state. Start the hub"
                            + " with HUB_PSEUDONYM_SECRET set to the new secret.");
            return 0;
        } catch (PseudonymRekey.Refused refused) {
            System.err.println("not re-keyed: " + refused.getMessage());
            return 1;
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
