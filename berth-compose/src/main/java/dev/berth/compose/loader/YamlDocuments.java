package dev.berth.compose.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
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
 *
 * <p>The merge tags {@code !reset} and {@code !override} on a mapping's value are taken out of
 * the tree and their key paths handed to the caller ({@link MergeTags}); anywhere else they are
 * an error. Other explicit tags ({@code !!str}) work as SnakeYAML's safe constructor has them.
 */
final class YamlDocuments {
    private YamlDocuments() {}

    /** The document in {@code text}; an empty file is an empty mapping. Merge tags are dropped. */
    static Map<String, Object> parse(String file, String text) {
        return parse(file, text, new MergeTags.Collector());
    }

    /** The document in {@code text}; {@code tags} receives the paths of {@code !reset} and {@code !override} values. */
    static Map<String, Object> parse(String file, String text, MergeTags.Collector tags) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(1000);
        options.setCodePointLimit(64 * 1024 * 1024);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new TagConstructor(options), new Representer(dumper), dumper, options, new CoreSchemaResolver());
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
        Map<String, Object> tree = (Map<String, Object>) copy(doc, file, KeyPath.ROOT, tags);
        return tree;
    }

    /** A deep copy with string keys, so that aliases do not share structure. */
    private static Object copy(Object node, String file, KeyPath path, MergeTags.Collector tags) {
        if (node instanceof MergeTags.Tagged tagged) {
            throw new ComposeFileException(file, path.toString(), tagged.tag() + " applies to a value in a mapping only");
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object k = e.getKey();
                if (k instanceof Map<?, ?> || k instanceof List<?>) {
                    throw new ComposeFileException(file, path.toString(), "a mapping key must be a scalar");
                }
                String key = String.valueOf(k);
                Object value = e.getValue();
                if (value instanceof MergeTags.Tagged tagged) {
                    tags.add(path.key(key));
                    if (tagged.tag().equals(MergeTags.RESET)) {
                        continue;
                    }
                    value = tagged.value();
                }
                out.put(key, copy(value, file, path.key(key), tags));
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(copy(list.get(i), file, path.index(i), tags));
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

    /**
     * The safe constructor, plus {@code !reset} and {@code !override}: the tagged node is built
     * as if untagged (its kind's default tag, or the resolver's for a scalar) and wrapped in
     * {@link MergeTags.Tagged}.
     */
    private static final class TagConstructor extends SafeConstructor {
        private final Resolver resolver = new CoreSchemaResolver();

        TagConstructor(LoaderOptions options) {
            super(options);
            for (String tag : List.of(MergeTags.RESET, MergeTags.OVERRIDE)) {
                yamlConstructors.put(new Tag(tag), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        node.setTag(switch (node) {
                            case ScalarNode scalar -> resolver.resolve(NodeId.scalar, scalar.getValue(), true);
                            case SequenceNode seq -> Tag.SEQ;
                            default -> Tag.MAP;
                        });
                        return new MergeTags.Tagged(tag, getConstructor(node).construct(node));
                    }
                });
            }
        }
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
