// JSON load and save of network files, with precise errors ("layers[2].weights row 1 has 3 entries,
// expected 4") and atomic writes (engine/io/atomic_file.h): a failed save never harms the old file.
#pragma once
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "engine/core/document.h"
#include "engine/io/atomic_file.h"

namespace bp {

// JSON text parsed as network files are: nesting capped, a duplicate key refused, a syntax error or a
// number out of double's range named with its place. Throws bp::Error ("not valid JSON: …").
nlohmann::json parse_json_checked(const std::string& text);
// "a number", "a string", "a boolean", "an array", "an object" or "null", for messages.
std::string json_type_name(const nlohmann::json& v);
Document document_from_json(const nlohmann::json& j);   // throws bp::Error
Document parse_document(const std::string& text);        // throws bp::Error (also for bad JSON)
Document load_document(const std::string& path);         // throws bp::Error (also for I/O)

// The document as JSON: the original keys kept, layers/loss/data/training rewritten from the model.
nlohmann::json document_to_json(const Document& doc);
std::string dump_document(const Document& doc);  // pretty, numbers in shortest round-trip form

// Writes the document atomically (bp::write_file_atomically: see engine/io/atomic_file.h for what
// happens with symbolic links, special files and read-only targets). Throws bp::WriteError.
void save_document(const std::string& path, const Document& doc, WriteOptions options = {});

}  // namespace bp
