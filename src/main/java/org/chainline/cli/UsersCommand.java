package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.security.AccountView;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage local accounts. New and reset accounts get a one-time password, printed once.",
        subcommands = {UsersCommand.Create.class, UsersCommand.ListUsers.class, UsersCommand.Reset.class,
                UsersCommand.ProtectionOfficer.class})
final class UsersCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an account and print its one-time password.")
    static final class Create implements Runnable {
        @ParentCommand
        UsersCommand users;
        @Spec
        CommandSpec spec;
        @Option(names = "--username", required = true, paramLabel = "NAME", description = "Login name.")
        String username;
        @Option(names = "--role", required = true, paramLabel = "ROLE", split = ",",
                description = "viewer, analyst, counsel or admin; repeat or separate with commas. witness-protection"
                        + " asks for that grant: it takes effect once a holder consents.")
        List<String> roles;

        @Override
        public void run() {
            try (ApplicationContext context = Contexts.start(users.root, Map.of())) {
                IssuedPassword issued = context.getBean(Accounts.class)
                        .create(Contexts.cliActor(), username, new LinkedHashSet<>(roles));
                printIssued(spec.commandLine().getOut(), "Created", issued);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts and their roles.")
    static final class ListUsers implements Runnable {
        @ParentCommand
        UsersCommand users;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (ApplicationContext context = Contexts.start(users.root, Map.of())) {
                PrintWriter out = spec.commandLine().getOut();
                List<AccountView> all = context.getBean(Accounts.class).list();
                out.printf("%-24s %-28s %-18s %s%n", "USERNAME", "ROLES", "STATE", "WITNESS PROTECTION");
                for (AccountView a : all) {
                    String state = a.disabled() ? "disabled" : a.mustChangePassword() ? "one-time password" : "active";
                    out.printf("%-24s %-28s %-18s %s%n", a.username(), String.join(",", a.roles()), state, a.protectionGrant());
                }
                if (all.isEmpty()) {
                    out.println("(no accounts yet: 'serve' creates the first administrator, or use 'users create')");
                }
            }
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Give an account a new one-time password (the old password stops working).")
    static final class Reset implements Runnable {
        @ParentCommand
        UsersCommand users;
        @Spec
        CommandSpec spec;
        @Option(names = "--username", required = true, paramLabel = "NAME", description = "Login name.")
        String username;

        @Override
        public void run() {
            try (ApplicationContext context = Contexts.start(users.root, Map.of())) {
                IssuedPassword issued = context.getBean(Accounts.class).resetPassword(Contexts.cliActor(), username);
                printIssued(spec.commandLine().getOut(), "Reset", issued);
            }
        }
    }

    @Command(name = "protection-officer", mixinStandardHelpOptions = true,
            description = "Name the first holder of the witness-protection grant, once, at set-up: afterwards every grant"
                    + " needs the consent of a holder (POST /api/accounts/NAME/protection-consent).")
    static final class ProtectionOfficer implements Runnable {
        @ParentCommand
        UsersCommand users;
        @Spec
        CommandSpec spec;
        @Option(names = "--username", required = true, paramLabel = "NAME", description = "Login name of an existing account.")
        String username;

        @Override
        public void run() {
            try (ApplicationContext context = Contexts.start(users.root, Map.of())) {
                AccountView named = context.getBean(Accounts.class).nameFirstProtectionOfficer(Contexts.cliActor(), username);
                spec.commandLine().getOut().println(named.username() + " now holds the witness-protection grant; further"
                        + " grants need the consent of a holder.");
            }
        }
    }

    static void printIssued(PrintWriter out, String what, IssuedPassword issued) {
        out.println(what + " account " + issued.username() + " (" + String.join(",", issued.roles()) + ")"
                + switch (issued.protectionGrant()) {
                    case "pending" -> "; witness-protection asked for: a holder must consent (POST /api/accounts/"
                            + issued.username() + "/protection-consent)";
                    case "suspended" -> "; its witness-protection grant is suspended until another holder restores it";
                    default -> "";
                } + ".");
        out.println("One-time password (shown once; it must be changed at first login): " + issued.oneTimePassword());
    }
}
