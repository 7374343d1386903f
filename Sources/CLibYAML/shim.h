// libyaml's parser (Debian's libyaml-dev), seen only by the core target's YAML reader
// (Sources/EventGraph/Reading/YAMLEventReader.swift).
#include <yaml.h>
