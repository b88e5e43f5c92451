package io.plantd.controller.mqtt;

import java.util.Map;
import java.util.Set;

/**
 * Which principal may send which command, from the config's {@code principals} map. The
 * principal itself comes from the command topic, which the broker ACL ties to the
 * authenticated identity; this class only decides what that identity may do.
 */
final class CommandAuthoriser {
    private final Map<String, Set<String>> allowed;

    CommandAuthoriser(Map<String, Set<String>> principals) {
        this.allowed = Map.copyOf(principals);
    }

    boolean allows(String principal, String command) {
        Set<String> commands = allowed.get(principal);
        return commands != null && commands.contains(command);
    }
}
