#pragma once

#include "collections/collectionerror.h"

#include <QString>

#include <functional>

namespace SocketLab {

// What a resolver says of a {{name}} that no variable of the file or environment defines: not one of
// its names, its value, or why it has none (the error's kind and detail; the caller adds the place).
struct VariableResolution
{
    enum class Outcome { NotMine, Value, Error };
    Outcome outcome = Outcome::NotMine;
    QString value;
    CollectionError::Kind error = CollectionError::Kind::None;
    QString detail;

    static VariableResolution notMine() { return {}; }
    static VariableResolution of(QString value) { return {Outcome::Value, std::move(value), CollectionError::Kind::None, {}}; }
    static VariableResolution failed(CollectionError::Kind kind, QString detail)
    {
        return {Outcome::Error, {}, kind, std::move(detail)};
    }
};

using VariableResolver = std::function<VariableResolution(const QString &name)>;

} // namespace SocketLab
