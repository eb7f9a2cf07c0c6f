// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestScreenshot : public QObject
{
    Q_OBJECT

private slots:
    void rendersTheWindowWithTheReportOpen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("in Chinese") << u"zh_CN"_s;
        QTest::newRow("in English") << u"en"_s;
    }

    void rendersTheWindowWithTheReportOpen()
    {
        QFETCH(QString, language);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath(u"window.png"_s);
        const QString seed
            = QStringLiteral(NIANBAO_TEST_DATA_DIR) % u"/seeds/004_1a8c02130c595433/report.txt";
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedChannels);
        process.start(QStringLiteral(NIANBAO_GUI_PATH),
                      {u"--language"_s, language, u"--screenshot"_s, out, seed});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QImage image(out);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1000 && image.height() >= 600);
    }

    void showsThePageOfAPdfWhenAsked()
    {
        // The smoke run of the page view: a real PDF's page rendered in its child, in a window.
        QTemporaryDir dir;
        const QString out = dir.filePath(u"page.png"_s);
        const QString pdf = QStringLiteral(NIANBAO_TEST_DATA_DIR) % u"/real/r21-hongze-2023.pdf";
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedChannels);
        process.start(QStringLiteral(NIANBAO_GUI_PATH), {u"--page"_s, u"--screenshot"_s, out, pdf});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!QImage(out).isNull());
    }

    void aMissingFileStillRenders()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"window.png"_s);
        QProcess process;
        process.start(QStringLiteral(NIANBAO_GUI_PATH),
                      {u"--screenshot"_s, out, dir.filePath(u"absent.txt"_s)});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!QImage(out).isNull());
    }
};

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
