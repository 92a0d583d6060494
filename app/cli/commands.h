// The backprop-cli commands, one file each (cmd_<name>.cpp). Each takes the arguments after its name,
// writes its result to `out`, and returns the exit status; errors are thrown (UsageError, bp::Error,
// Diverged) and turned into a message and a status by main.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "app/cli/cmd_check.h"

using CommandArgs = std::vector<std::string>;

int run_trace(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_train(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_paths(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_gradcheck(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_steps(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_expr(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_export(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_lesson(const CommandArgs& args, std::ostream& out, std::ostream& err);
