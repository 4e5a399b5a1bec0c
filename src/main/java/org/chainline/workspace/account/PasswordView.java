package org.chainline.workspace.account;

import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/** The password change form and its errors. */
public record PasswordView(String username, List<FieldError> errors) implements Page {
}
