package dev.berth.engine.networks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A host for {@link BridgeDriver} tests: links with aliases, scripted command output, every command recorded. */
final class FakeHost extends HostCommands {

    final Map<String, String> links = new TreeMap<>(); // name -> alias ("" for none)
    final Map<String, String> outputs = new HashMap<>(); // command line -> output
    final List<String> commands = new ArrayList<>();

    @Override
    Result attemptWithInput(String input, String... command) {
        String line = String.join(" ", command) + (input == null ? "" : " <<< " + input.strip().replace("\n", "; "));
        commands.add(line);
        if (command.length > 4 && command[0].equals("ip") && command[1].equals("link") && command[2].equals("add")) {
            links.put(command[4], "");
        }
        if (command.length > 4 && command[0].equals("ip") && command[1].equals("link") && command[2].equals("del")) {
            return new Result(links.remove(command[4]) != null ? 0 : 1, "");
        }
        if (line.startsWith("iptables") && (line.contains(" -C ") || line.contains(" -D "))) {
            // no rule is there to check or delete (a delete loop ends at the first failure)
            return new Result(1, "");
        }
        return new Result(0, outputs.getOrDefault(line, ""));
    }

    @Override
    boolean linkExists(String name) {
        return links.containsKey(name);
    }

    @Override
    Optional<String> linkAlias(String name) {
        String alias = links.get(name);
        return alias == null || alias.isEmpty() ? Optional.empty() : Optional.of(alias);
    }

    @Override
    void setLinkAlias(String name, String alias) {
        links.put(name, alias);
    }

    @Override
    List<String> links() {
        return List.copyOf(links.keySet());
    }

    List<String> commandsStartingWith(String prefix) {
        return commands.stream().filter(c -> c.startsWith(prefix)).toList();
    }
}
