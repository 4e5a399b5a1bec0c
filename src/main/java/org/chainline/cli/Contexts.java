package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.Application;

import java.util.HashMap;
import java.util.Map;

/** Starts Chainline's application context for a command, with the command line's settings on top. */
final class Contexts {

    private Contexts() {
    }

    static ApplicationContext start(ChainlineCommand root, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        if (root.dataDir != null) {
            properties.put("chainline.data-dir", root.dataDir.toAbsolutePath().toString());
        }
        return ApplicationContext.builder(Application.class)
                .properties(properties)
                .deduceEnvironment(false)
                .banner(false)
                .start();
    }

    static String cliActor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
