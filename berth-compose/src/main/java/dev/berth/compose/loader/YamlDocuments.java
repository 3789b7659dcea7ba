package dev.berth.compose.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses a compose file into plain trees: {@code Map<String, Object>} (file order), {@code List},
 * String, Integer/Long, Double, Boolean, null. Anchors, aliases and merge keys ({@code <<}) are
 * resolved by SnakeYAML; every alias becomes its own copy, so later steps may rebuild trees freely.
 *
 * <p>Scalars resolve as YAML 1.2's core schema does (as compose's Go parser does), not as YAML 1.1:
 * {@code no}, {@code on}, {@code yes} stay strings ({@code restart: no}), and {@code 22:22} is not
 * a base-60 number. Duplicate keys are errors.
 */
final class YamlDocuments {
    private YamlDocuments() {}

    /** The document in {@code text}; an empty file is an empty mapping. */
    static Map<String, Object> parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(1000);
        options.setCodePointLimit(64 * 1024 * 1024);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new CoreSchemaResolver());
        Object doc;
        try {
            doc = yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ", " : "";
            throw new ComposeFileException(file, null, "invalid YAML: " + where + context + problem);
        } catch (YAMLException e) {
            throw new ComposeFileException(file, null, "invalid YAML: " + e.getMessage());
        }
        if (doc == null) {
            return new LinkedHashMap<>();
        }
        if (!(doc instanceof Map<?, ?>)) {
            throw new ComposeFileException(file, null, "the top level must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) copy(doc, file, KeyPath.ROOT);
        return tree;
    }

    /** A deep copy with string keys, so that aliases do not share structure. */
    static Object copy(Object node, String file, KeyPath path) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object k = e.getKey();
                if (k instanceof Map<?, ?> || k instanceof List<?>) {
                    throw new ComposeFileException(file, path.toString(), "a mapping key must be a scalar");
                }
                String key = String.valueOf(k);
                out.put(key, copy(e.getValue(), file, path.key(key)));
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(copy(list.get(i), file, path.index(i)));
            }
            return out;
        }
        if (node instanceof java.math.BigInteger big) {
            return big.longValue();
        }
        if (node instanceof Number || node instanceof String || node instanceof Boolean || node == null) {
            return node;
        }
        throw new ComposeFileException(file, path.toString(), "unsupported value of type " + node.getClass().getSimpleName());
    }

    /** Implicit scalar types of YAML 1.2's core schema, plus YAML 1.1's merge key. */
    private static final class CoreSchemaResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            // Leading-zero octal (0440) kept: compose users write file modes that way.
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?(?:0|[1-9][0-9]*)|0[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile(
                    "^(?:[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
                    "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }
}
