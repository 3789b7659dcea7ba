package dev.berth.engine.containers;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Names containers that were created without {@code --name} as Docker does: an adjective
 * and the surname of a scientist or engineer, joined by an underscore ({@code brave_curie}).
 * A number is appended when the plain names keep colliding.
 */
public final class NameGenerator {

    private static final List<String> ADJECTIVES = List.of(
            "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome",
            "beautiful", "blissful", "bold", "boring", "brave", "busy", "charming", "clever",
            "compassionate", "competent", "condescending", "confident", "cool", "cranky", "crazy",
            "dazzling", "determined", "distracted", "dreamy", "eager", "ecstatic", "elastic",
            "elated", "elegant", "eloquent", "epic", "exciting", "fervent", "festive", "flamboyant",
            "focused", "friendly", "frosty", "funny", "gallant", "gifted", "goofy", "gracious",
            "great", "happy", "hardcore", "heuristic", "hopeful", "hungry", "infallible", "inspiring",
            "intelligent", "interesting", "jolly", "jovial", "keen", "kind", "laughing", "loving",
            "lucid", "magical", "modest", "musing", "mystifying", "naughty", "nervous", "nice",
            "nifty", "nostalgic", "objective", "optimistic", "peaceful", "pedantic", "pensive",
            "practical", "priceless", "quirky", "quizzical", "recursing", "relaxed", "reverent",
            "romantic", "sad", "serene", "sharp", "silly", "sleepy", "stoic", "strange", "stupefied",
            "suspicious", "sweet", "tender", "thirsty", "trusting", "unruffled", "upbeat", "vibrant",
            "vigilant", "vigorous", "wizardly", "wonderful", "xenodochial", "youthful", "zealous",
            "zen");

    private static final List<String> SURNAMES = List.of(
            "agnesi", "albattani", "allen", "almeida", "archimedes", "ardinghelli", "aryabhata",
            "babbage", "banach", "bardeen", "bartik", "bassi", "bell", "benz", "bhabha", "bhaskara",
            "blackwell", "bohr", "booth", "borg", "bose", "boyd", "brahmagupta", "brattain", "brown",
            "carson", "cerf", "chandrasekhar", "chaplygin", "chatelet", "chebyshev", "clarke",
            "colden", "cori", "cray", "curie", "darwin", "davinci", "dijkstra", "dirac", "driscoll",
            "dubinsky", "easley", "edison", "einstein", "elion", "engelbart", "euclid", "euler",
            "faraday", "feistel", "fermat", "fermi", "feynman", "franklin", "galileo", "gates",
            "goldberg", "goldstine", "goldwasser", "goodall", "hamilton", "hawking", "heisenberg",
            "hertz", "hodgkin", "hofstadter", "hoover", "hopper", "hypatia", "jackson", "jennings",
            "johnson", "joliot", "kalam", "kapitsa", "keller", "kepler", "khorana", "kilby",
            "knuth", "kowalevski", "lalande", "lamarr", "lamport", "leakey", "leavitt", "lehmann",
            "lewin", "liskov", "lovelace", "lumiere", "mahavira", "mayer", "mccarthy", "mcclintock",
            "meitner", "mendel", "merkle", "minsky", "mirzakhani", "montalcini", "moore", "morse",
            "napier", "nash", "neumann", "newton", "nobel", "noether", "noyce", "pascal", "pasteur",
            "payne", "perlman", "pike", "poincare", "ptolemy", "raman", "ramanujan", "ride",
            "ritchie", "rosalind", "saha", "sammet", "shamir", "shannon", "shaw", "shockley",
            "sinoussi", "snyder", "spence", "stonebraker", "swanson", "swartz", "tesla", "thompson",
            "torvalds", "turing", "varahamihira", "visvesvaraya", "volhard", "wescoff", "wiles",
            "williams", "wilson", "wing", "wozniak", "wright", "yalow", "yonath");

    private NameGenerator() {
    }

    /** A name for which {@code taken} is false. */
    public static String generate(Predicate<String> taken) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; ; attempt++) {
            String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_"
                    + SURNAMES.get(random.nextInt(SURNAMES.size()));
            if (attempt >= 10) {
                name += random.nextInt(10);
            }
            if (!taken.test(name)) {
                return name;
            }
        }
    }
}
