package dev.berth.compose.loader;

/**
 * Where a value sits in a compose file, printed as users read it: {@code services.web.ports[1]}.
 * Immutable; {@link #ROOT} is the document itself.
 */
record KeyPath(KeyPath parent, String key, int index) {
    static final KeyPath ROOT = new KeyPath(null, null, -1);

    KeyPath key(String name) {
        return new KeyPath(this, name, -1);
    }

    KeyPath index(int i) {
        return new KeyPath(this, null, i);
    }

    /** The last mapping key on the path ("ports" for services.web.ports[1]), or null. */
    String lastKey() {
        for (KeyPath p = this; p != null; p = p.parent) {
            if (p.key != null) {
                return p.key;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        String head = parent.toString();
        if (key == null) {
            return head + "[" + index + "]";
        }
        return head.isEmpty() ? key : head + "." + key;
    }
}
