#include "Icons.h"

#include "Application.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace mq::gui {

namespace {
class PaletteSvgEngine : public QIconEngine {
public:
    explicit PaletteSvgEngine(QByteArray svg)
        : m_svg(std::move(svg))
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(coloured(mode));
        renderer.render(painter, QRectF(rect));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.fill(Qt::transparent);
        {
            QPainter p(&pm);
            paint(&p, QRect(QPoint(0, 0), pm.size()), mode, state);
        }
        pm.setDevicePixelRatio(scale);
        return pm;
    }

    QIconEngine *clone() const override { return new PaletteSvgEngine(m_svg); }
    QString key() const override { return QStringLiteral("mqdesk-palette-svg"); }

private:
    QByteArray coloured(QIcon::Mode mode) const
    {
        const QPalette pal = QApplication::palette();
        QColor c = pal.color(QPalette::Active, QPalette::WindowText);
        if (mode == QIcon::Disabled)
            c = pal.color(QPalette::Disabled, QPalette::WindowText);
        else if (mode == QIcon::Selected)
            c = pal.color(QPalette::Active, QPalette::HighlightedText);
        QByteArray svg = m_svg;
        return svg.replace("currentColor", c.name(QColor::HexRgb).toLatin1());
    }

    QByteArray m_svg;
};
} // namespace

QIcon icon(const QString &name)
{
    // The icons live in this static library's resources; make sure they are registered.
    [[maybe_unused]] static const bool registered = (initResources(), true);
    static QHash<QString, QIcon> cache;
    if (const auto it = cache.constFind(name); it != cache.constEnd())
        return *it;
    QFile file(QStringLiteral(":/icons/ui/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    const QIcon result = svg.contains("currentColor") ? QIcon(new PaletteSvgEngine(svg))
                                                      : QIcon(QStringLiteral(":/icons/ui/%1.svg").arg(name));
    cache.insert(name, result);
    return result;
}

QIcon appIcon()
{
    [[maybe_unused]] static const bool registered = (initResources(), true);
    return QIcon(QStringLiteral(":/icons/app.svg"));
}

} // namespace mq::gui
