// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/draftstore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <type_traits>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

Draft sampleDraft()
{
    return Draft {42,
                  u"/reports/川汇区2023.txt"_s,
                  u"川汇区政府办公室 2023"_s,
                  CellKey(u"requests.received.total"_s),
                  u"1,2３4 “引号”\n"_s,
                  QDateTime(QDate(2026, 11, 23), QTime(9, 30, 1, 250), Qt::UTC)};
}

// A Result<void> answers only by being an error or not: never from or as a bare bool.
static_assert(!std::is_constructible_v<Result<void>, bool>);
static_assert(!std::is_convertible_v<Result<void>, bool>);

} // namespace

class TestDraftStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // The store answers with Result<void>: success, or an error and nothing else.
    void aResultOfNothingIsASuccessUnlessItHoldsAnError()
    {
        const Result<void> success;
        QVERIFY(success.ok());
        QVERIFY(static_cast<bool>(success));
        const auto succeed = []() -> Result<void> {
            return {};
        };
        QVERIFY(succeed().ok());

        const Error error {u"draft.write"_s, u"cannot write"_s, {u"/drafts/a.json"_s, 3, {}}};
        const auto fail = [&]() -> Result<void> {
            return error;
        };
        const Result<void> failure = fail();
        QVERIFY(!failure.ok());
        QVERIFY(!failure);
        QCOMPARE(failure.error(), error);

        // An error from a call that had a value to return passes on unchanged.
        const Result<int> number = error;
        const Result<void> passed = number.error();
        QVERIFY(!passed);
        QCOMPARE(passed.error(), error);
    }

    void aSavedDraftLoadsAsItWas()
    {
        const DraftStore store(u"/data/library.sqlite"_s, m_dir.filePath(u"saved"_s));
        QCOMPARE(store.load().value(), std::nullopt);
        QVERIFY(store.save(sampleDraft()));
        QVERIFY(QFile::exists(store.filePath()));
        QCOMPARE(store.load().value(), std::optional<Draft>(sampleDraft()));

        // A new draft replaces the old one; the atomic write leaves no temporary file behind.
        Draft newer = sampleDraft();
        newer.text = u"7"_s;
        QVERIFY(store.save(newer));
        QCOMPARE(store.load().value(), std::optional<Draft>(newer));
        QCOMPARE(QDir(m_dir.filePath(u"saved"_s)).entryList(QDir::Files).size(), 1);
    }

    void aRemovedDraftIsGoneAndRemovingNoneIsNoError()
    {
        const DraftStore store(u"/data/library.sqlite"_s, m_dir.filePath(u"removed"_s));
        QVERIFY(store.remove());
        QVERIFY(store.save(sampleDraft()));
        QVERIFY(store.remove());
        QVERIFY(!QFile::exists(store.filePath()));
        QCOMPARE(store.load().value(), std::nullopt);
    }

    void eachLibraryHasItsOwnDraft()
    {
        const QString folder = m_dir.filePath(u"keyed"_s);
        const DraftStore first(u"/data/a.sqlite"_s, folder);
        const DraftStore second(u"postgresql://alice:secret@db/reviews"_s, folder);
        const DraftStore sameFile(u"/data/sub/../a.sqlite"_s, folder);
        QVERIFY(first.filePath() != second.filePath());
        QCOMPARE(sameFile.filePath(), first.filePath());
        QVERIFY(second.save(sampleDraft()));
        QCOMPARE(first.load().value(), std::nullopt);
        QFile file(second.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("secret")); // a location's password is never written
    }

    void theDefaultFolderIsInTheUsersDataFolder()
    {
        QVERIFY(DraftStore::defaultFolder().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)));
        QVERIFY(DraftStore(u"x.sqlite"_s).filePath().startsWith(DraftStore::defaultFolder()));
    }

    void aDamagedDraftIsAnError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("a file cut short") << QByteArray(R"({"format":1,"documentId":"4",)");
        QTest::newRow("a file that is not JSON") << QByteArray("\xff\xfe garbage");
        QTest::newRow("a draft without a cell")
            << QByteArray(R"({"format":1,"documentId":"4","text":"5"})");
        QTest::newRow("a draft of a newer format")
            << QByteArray(R"({"format":9,"documentId":"4","cell":"a.b","text":"5"})");
    }

    void aDamagedDraftIsAnError()
    {
        QFETCH(QByteArray, content);
        const DraftStore store(u"/data/library.sqlite"_s, m_dir.filePath(u"damaged"_s));
        QVERIFY(QDir().mkpath(m_dir.filePath(u"damaged"_s)));
        QFile file(store.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const Result<std::optional<Draft>> loaded = store.load();
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, u"draft.damaged"_s);
        QCOMPARE(loaded.error().where.file, store.filePath());
        QVERIFY(store.remove()); // the window removes it after saying so
    }

    void aFolderThatCannotBeWrittenIsAnError()
    {
        QFile blocker(m_dir.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        const DraftStore store(u"/data/library.sqlite"_s, m_dir.filePath(u"blocker/drafts"_s));
        const Result<void> saved = store.save(sampleDraft());
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, u"draft.write"_s);
        QVERIFY(!saved.error().message.isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
