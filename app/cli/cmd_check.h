// backprop-cli check NET.json ANSWERS.json: marks a student's hand-computed answers (issue 12).
// Called by main's dispatch with the arguments after "check"; returns the process exit code.
#pragma once
#include <ostream>
#include <string>
#include <vector>

int run_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
