package dk.youthhub.hub.stage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the stage endpoints refer to by name. */
@Configuration(proxyBeanMethods = false)
public class StageBeans {

    @Bean
    StageCommitFactory stageCommitFactory() {
        return new StageCommitFactory();
    }
}
