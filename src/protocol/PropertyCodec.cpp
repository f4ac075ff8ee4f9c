#include "PropertyCodec.h"

namespace mq {

QString encodeProperties(const Properties &properties)
{
    qsizetype length = 0;
    for (const auto &[name, value] : properties.entries())
        length += name.size() + value.size() + 2;
    QString out;
    out.reserve(length);
    for (const auto &[name, value] : properties.entries()) {
        if (name.isEmpty())
            continue;
        if (!out.isEmpty())
            out.append(QChar(propsep::Property));
        out.append(name);
        out.append(QChar(propsep::NameValue));
        out.append(value);
    }
    return out;
}

Properties decodeProperties(QStringView text)
{
    Properties properties;
    qsizetype index = 0;
    const qsizetype length = text.size();
    while (index < length) {
        qsizetype end = text.indexOf(QChar(propsep::Property), index);
        if (end < 0)
            end = length;
        const QStringView item = text.mid(index, end - index);
        const qsizetype sep = item.indexOf(QChar(propsep::NameValue));
        if (sep > 0 && sep < item.size() - 1)
            properties.insert(item.left(sep).toString(), item.mid(sep + 1).toString());
        index = end + 1;
    }
    return properties;
}

} // namespace mq
