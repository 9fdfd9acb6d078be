// bench_hexview: paints a full 1200x800 HexView viewport 200 times on a 1 MiB and on a 1 GiB
// synthetic source (bytes computed from their offset), the two alternating, 9 runs each. Both views
// show the middle of their source with recv() boundaries every 1 KiB, HTTP marks and a selection.
// Prints the median of each and the ratio 1 GiB / 1 MiB: a paint reads and draws only the visible
// rows, so the ratio should stay within 1.2 (PASS, exit 0; FAIL, exit 1). The ratio is taken on the
// process's CPU time, which other programs on a shared machine do not inflate; wall time is printed
// beside it.

#include "bytes/bytesource.h"
#include "reply/hexview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

using namespace SocketLab;

namespace {

constexpr int PaintsPerRun = 200;
constexpr int Runs = 9;
constexpr double Target = 1.2;
const QSize ViewSize(1200, 800);

class SyntheticSource final : public ByteSource
{
public:
    explicit SyntheticSource(qint64 size)
        : m_size(size)
    {
    }
    qint64 size() const override { return m_size; }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        if (offset < 0 || len <= 0 || offset >= m_size)
            return {};
        len = qMin(len, m_size - offset);
        QByteArray out(len, Qt::Uninitialized);
        for (qint64 i = 0; i < len; ++i)
            out[i] = char((quint64(offset + i) * 0x9E3779B97F4A7C15ull) >> 56);
        return out;
    }

private:
    qint64 m_size;
};

void setUp(HexView &view, qint64 size)
{
    view.resize(ViewSize);
    view.setSource(std::make_shared<SyntheticSource>(size));
    QList<Segment> segments;
    segments.reserve(size / 1024);
    for (qint64 at = 0; at < size; at += 1024)
        segments.append({at, qMin<qint64>(1024, size - at), at / 1024 * 10});
    view.setSegments(segments);
    view.setMarks({{HttpPart::StatusLine, {0, 17}},
                   {HttpPart::Header, {17, 40}},
                   {HttpPart::Header, {57, 30}},
                   {HttpPart::BlankLine, {87, 2}},
                   {HttpPart::Body, {89, size - 89}}});
    view.setSelection(size / 2 + 5, 300);
    view.show();
}

struct Run
{
    double cpuMs;
    double wallMs;
};

double cpuMsNow()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

Run paint(HexView &view, QImage &image)
{
    QElapsedTimer timer;
    const double cpuStart = cpuMsNow();
    timer.start();
    for (int i = 0; i < PaintsPerRun; ++i)
        view.viewport()->render(&image);
    return {cpuMsNow() - cpuStart, double(timer.nsecsElapsed()) / 1e6};
}

Run median(const std::vector<Run> &runs)
{
    std::vector<double> cpu;
    std::vector<double> wall;
    for (const Run &run : runs) {
        cpu.push_back(run.cpuMs);
        wall.push_back(run.wallMs);
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    return {cpu[cpu.size() / 2], wall[wall.size() / 2]};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    HexView small;
    HexView large;
    setUp(small, qint64(1) << 20);
    setUp(large, qint64(1) << 30);
    if (!QTest::qWaitForWindowExposed(&small) || !QTest::qWaitForWindowExposed(&large)) {
        std::fprintf(stderr, "bench_hexview: the views were not shown\n");
        return 1;
    }

    const qreal dpr = small.devicePixelRatioF();
    QImage image(small.viewport()->size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    paint(small, image);
    paint(large, image);

    std::vector<Run> smallRuns;
    std::vector<Run> largeRuns;
    for (int run = 0; run < Runs; ++run) {
        // Alternating which goes first, so neither always runs on a warmer cache.
        if (run % 2 == 0) {
            smallRuns.push_back(paint(small, image));
            largeRuns.push_back(paint(large, image));
        } else {
            largeRuns.push_back(paint(large, image));
            smallRuns.push_back(paint(small, image));
        }
    }

    const Run smallMedian = median(smallRuns);
    const Run largeMedian = median(largeRuns);
    const double ratio = largeMedian.cpuMs / smallMedian.cpuMs;
    const QSize viewport = small.viewport()->size();
    std::printf("viewport %dx%d, %d rows, %d paints per run, median of %d runs\n", viewport.width(),
                viewport.height(), small.visibleRowCount(), PaintsPerRun, Runs);
    for (const auto &[name, run] : {std::pair{"1 MiB", smallMedian}, std::pair{"1 GiB", largeMedian}}) {
        std::printf("%s source: CPU %8.2f ms per run, %7.1f us per paint; wall %8.2f ms per run\n", name,
                    run.cpuMs, run.cpuMs * 1000.0 / PaintsPerRun, run.wallMs);
    }
    std::printf("ratio 1 GiB / 1 MiB (CPU): %.3f (target <= %.1f) %s; wall ratio %.3f\n", ratio, Target,
                ratio <= Target ? "PASS" : "FAIL", largeMedian.wallMs / smallMedian.wallMs);
    return ratio <= Target ? 0 : 1;
}
