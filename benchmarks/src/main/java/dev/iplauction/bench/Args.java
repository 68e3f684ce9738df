package dev.iplauction.bench;

/** Reads "--name value" options, refusing a value that is not what the option needs. */
final class Args {

    private Args() {}

    static String string(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static int integer(String[] args, String name, int fallback) {
        String value = string(args, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'");
        }
    }
}
