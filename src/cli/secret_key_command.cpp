// connectpost secret-key new FILE: a new random key file (mode 0600) for sealing authenticator
// secrets at rest (store/secret_seal.h). Give it to every `connectpost` process of the
// installation with --secret-key-file or the secret_key_file setting; keep it out of the
// database's backups. It is never overwritten: a lost key means re-enrolling every app.
#include <iostream>

#include "cli/commands.h"
#include "store/secret_seal.h"

namespace cp::cli {

void register_secret_key_command(CLI::App& app, AppContext& context) {
  auto path = std::make_shared<std::string>();
  auto* key = app.add_subcommand("secret-key", "The key that seals secrets at rest");
  key->require_subcommand(1);
  auto* make = key->add_subcommand("new", "Write a new random key file (mode 0600)");
  make->add_option("file", *path, "Where to write it; an existing file is refused")->required();
  make->callback([&context, path] {
    run_action(context, [&]() -> Result<void> {
      CP_RETURN_IF_ERROR(store::write_new_secret_key(*path));
      std::cout << "wrote a new secret key to " << *path << "\n";
      return Ok{};
    });
  });
}

}  // namespace cp::cli
