#pragma once

#include <QChartView>
#include <QElapsedTimer>
#include <QTimer>

#include <deque>
#include <functional>

class QLineSeries;
class QValueAxis;

namespace mq::gui {

// Messages per second over the last two minutes, sampled once a second from a counter.
class ThroughputChart : public QChartView {
    Q_OBJECT
public:
    explicit ThroughputChart(QWidget *parent = nullptr);
    // Reads the running total (e.g. FeedModel::totalReceived); the chart differentiates it.
    void setCounter(std::function<qint64()> counter);
    double lastRate() const { return m_samples.empty() ? 0.0 : m_samples.back(); }
    void sample(); // public for tests; the timer calls it every second
    void reset();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void retranslate();
    std::function<qint64()> m_counter;
    QLineSeries *m_series;
    QValueAxis *m_x;
    QValueAxis *m_y;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTotal = 0;
    std::deque<double> m_samples;
    static constexpr int Window = 120;
};

} // namespace mq::gui
