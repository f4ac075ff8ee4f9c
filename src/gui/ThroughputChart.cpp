#include "ThroughputChart.h"

#include <QApplication>
#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace mq::gui {

ThroughputChart::ThroughputChart(QWidget *parent)
    : QChartView(parent)
    , m_series(new QLineSeries)
    , m_x(new QValueAxis)
    , m_y(new QValueAxis)
{
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->addSeries(m_series);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    m_series->attachAxis(m_x);
    m_series->attachAxis(m_y);
    m_x->setRange(-Window, 0);
    m_x->setLabelFormat(QStringLiteral("%d s")); // Qt Charts formats labels as Latin-1: keep it untranslated
    m_x->setTickCount(7);
    m_y->setRange(0, 10);
    m_y->setLabelFormat(QStringLiteral("%d"));
    chart->setMargins(QMargins(4, 0, 4, 0));
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.9);
    chart->setTitleFont(titleFont);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(140);
    applyPalette();
    retranslate();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ThroughputChart::sample);
}

void ThroughputChart::setCounter(std::function<qint64()> counter)
{
    m_counter = std::move(counter);
    reset();
    m_timer.start();
}

void ThroughputChart::reset()
{
    m_samples.clear();
    m_lastTotal = m_counter ? m_counter() : 0;
    m_clock.restart();
    m_series->clear();
}

void ThroughputChart::sample()
{
    if (!m_counter)
        return;
    const qint64 total = m_counter();
    const double seconds = m_clock.isValid() ? std::max<qint64>(1, m_clock.restart()) / 1000.0 : 1.0;
    const double rate = total >= m_lastTotal ? double(total - m_lastTotal) / seconds : 0.0;
    m_lastTotal = total;
    m_samples.push_back(rate);
    while (m_samples.size() > size_t(Window))
        m_samples.pop_front();
    QList<QPointF> points;
    points.reserve(qsizetype(m_samples.size()));
    const int n = int(m_samples.size());
    double peak = 0;
    for (int i = 0; i < n; ++i) {
        points.append(QPointF(i - n + 1, m_samples[size_t(i)]));
        peak = std::max(peak, m_samples[size_t(i)]);
    }
    m_series->replace(points);
    m_y->setRange(0, std::max(10.0, peak * 1.2));
}

void ThroughputChart::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setBackgroundBrush(pal.color(QPalette::Base));
    chart()->setBackgroundRoundness(0);
    QPen pen(pal.color(QPalette::Highlight));
    pen.setWidthF(2);
    m_series->setPen(pen);
    chart()->setTitleBrush(pal.color(QPalette::Text));
    for (QValueAxis *axis : {m_x, m_y}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Mid));
    }
}

void ThroughputChart::retranslate()
{
    chart()->setTitle(tr("Messages received per second, last two minutes"));
}

void ThroughputChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QChartView::changeEvent(event);
}

} // namespace mq::gui
