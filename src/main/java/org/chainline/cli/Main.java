package org.chainline.cli;

/** The jar's entry point: the command line, which starts the service with {@code serve}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit = ChainlineCommand.run(args, System.out, System.err);
        if (exit != ChainlineCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
