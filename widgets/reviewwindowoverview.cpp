// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The review window's overview (issue 16, item 3): the library at a glance in place of the review
// panes, and every mark of it leading to the reports and cells it counts.
#include "documentmanager.h"
#include "library/libraryoverview.h"
#include "library/reviewlibrary.h"
#include "overviewview.h"
#include "reportlistmodel.h"
#include "reportlistproxy.h"
#include "reporttemplate.h"
#include "reviewcursor.h"
#include "reviewwindow.h"

#include <QAction>
#include <QBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr int kOverviewMessageTimeout = 10000;

} // namespace

void ReviewWindow::createOverview()
{
    m_overview = new OverviewView(this);
    m_overview->setObjectName(u"overviewView"_s);
    m_overviewTitle = new QLabel(this);
    m_overviewTitle->setObjectName(u"overviewTitle"_s);
    m_overviewFill = new QPushButton(this);
    m_overviewFill->setObjectName(u"overviewFillButton"_s);
    auto *back = new QPushButton(this);
    back->setObjectName(u"overviewBackButton"_s);
    auto *header = new QHBoxLayout;
    header->addWidget(m_overviewTitle, 1);
    header->addWidget(m_overviewFill);
    header->addWidget(back);
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 2, 4, 0);
    layout->addLayout(header);
    layout->addWidget(m_overview, 1);
    // The review panes and the overview take turns in the middle of the window.
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(takeCentralWidget());
    m_pages->addWidget(page);
    setCentralWidget(m_pages);

    QAction *show = addAction(m_menus.value(u"viewMenu"_s), "actionShowOverview", Qt::Key_F9);
    show->setCheckable(true);
    m_menus.value(u"viewMenu"_s)->insertAction(m_actions.value(u"actionFocusReports"_s), show);
    connect(show, &QAction::triggered, this, &ReviewWindow::showOverview);
    connect(back, &QPushButton::clicked, this, [this] { showOverview(false); });
    connect(m_overviewFill, &QPushButton::clicked, this, &ReviewWindow::fillOverviewFindings);
    connect(m_overview, &OverviewView::openReport, this, &ReviewWindow::openFromOverview);
    connect(m_overview, &OverviewView::filterReports, this, &ReviewWindow::filterFromOverview);
    m_overview->setTrendSource([this](const QString &identity) -> Result<QList<TrendPoint>> {
        if (!library())
            return QList<TrendPoint>();
        return agencyTrend(*library(), m_overview->overview(), identity);
    });

    // Above the report list: which reports the overview chose, and the way back to all.
    m_idFilterBar = new QWidget(this);
    m_idFilterBar->setObjectName(u"overviewFilterBar"_s);
    m_idFilterLabel = new QLabel(m_idFilterBar);
    m_idFilterLabel->setWordWrap(true);
    auto *clear = new QPushButton(m_idFilterBar);
    clear->setObjectName(u"overviewFilterClearButton"_s);
    auto *bar = new QHBoxLayout(m_idFilterBar);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_idFilterLabel, 1);
    bar->addWidget(clear);
    m_idFilterBar->hide();
    if (auto *listLayout = qobject_cast<QBoxLayout *>(m_filter->parentWidget()->layout()))
        listLayout->insertWidget(1, m_idFilterBar);
    connect(clear, &QPushButton::clicked, this, &ReviewWindow::clearOverviewFilter);
}

void ReviewWindow::retranslateOverview()
{
    m_actions.value(u"actionShowOverview"_s)->setText(tr("Library &Overview"));
    m_actions.value(u"actionShowOverview"_s)
        ->setToolTip(tr("Findings by rule, agency and year, the cells that break most often, "
                        "the reports with the most errors, and an agency's years"));
    findChild<QPushButton *>(u"overviewBackButton"_s)->setText(tr("Back to the Review"));
    findChild<QPushButton *>(u"overviewFilterClearButton"_s)->setText(tr("Show All"));
    m_overviewFill->setText(tr("Check Older Reports…"));
    m_overviewFill->setToolTip(tr("Checks the reports imported by an older version once, so that "
                                  "the overview covers them"));
    if (isShowingOverview())
        refreshOverview();
}

bool ReviewWindow::isShowingOverview() const
{
    return m_pages && m_pages->currentIndex() == 1;
}

void ReviewWindow::showOverview(bool shown)
{
    if (shown && !library()) {
        statusBar()->showMessage(tr("The overview needs a review library; open one first."),
                                 kOverviewMessageTimeout);
        shown = false;
    }
    m_pages->setCurrentIndex(shown ? 1 : 0);
    m_actions.value(u"actionShowOverview"_s)->setChecked(shown);
    if (shown)
        refreshOverview();
}

void ReviewWindow::refreshOverview()
{
    if (!library())
        return;
    // The list's text filter narrows the overview to the reports it shows; the overview's own
    // choice of reports does not, or each click would shrink the overview.
    OverviewScope scope;
    clearOverviewFilter();
    if (!m_filter->text().isEmpty())
        scope.ids = m_proxy->shownLibraryIds();
    const Result<LibraryOverview> overview = computeOverview(*library(), scope);
    if (!overview) {
        statusBar()->showMessage(overview.error().message, kOverviewMessageTimeout);
        return;
    }
    m_overview->setOverview(overview.value());
    const LibraryOverview &shown = overview.value();
    m_overviewTitle->setText(
        scope.ids ? tr("Overview of the %n report(s) the list's filter “%1” shows", nullptr,
                       shown.reports)
                        .arg(m_filter->text())
                  : tr("Overview of the library: %n report(s)", nullptr, shown.reports));
    m_overviewFill->setVisible(shown.covered < shown.reports);
}

namespace {

/** Lists the library reports of `ids` the report list does not show yet (opened with files,
 *  the window lists only those): the overview covers the whole library. */
void listMissing(DocumentManager *documents, const ReportListModel *reports,
                 const QList<qint64> &ids)
{
    QList<qint64> missing;
    for (qint64 id : ids) {
        if (reports->rowOfLibraryId(id) < 0)
            missing.append(id);
    }
    if (!missing.isEmpty())
        documents->listLibraryReports(missing);
}

} // namespace

void ReviewWindow::openFromOverview(qint64 documentId, int cell)
{
    listMissing(m_documents, m_reports, {documentId});
    const int row = m_reports->rowOfLibraryId(documentId);
    if (row < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_reports->index(row, 0));
    if (!index.isValid()) { // hidden by a filter: the reviewer asked for this very report
        clearOverviewFilter();
        m_filter->clear();
        index = m_proxy->mapFromSource(m_reports->index(row, 0));
    }
    showOverview(false);
    m_reportView->setCurrentIndex(index);
    if (cell >= 0 && currentDocument())
        m_cursor->selectCell(cell);
}

void ReviewWindow::filterFromOverview(const QList<qint64> &ids, int cell)
{
    m_filter->clear();
    listMissing(m_documents, m_reports, ids);
    m_proxy->setLibraryIds(QSet<qint64>(ids.cbegin(), ids.cend()));
    const ReportTemplate &form = ReportTemplate::standard();
    m_idFilterLabel->setText(
        cell >= 0 && cell < form.cellCount()
            ? tr("%n report(s) with a finding on %1", nullptr, int(ids.size()))
                  .arg(form.cellLabel(cell))
            : tr("%n report(s) chosen in the overview", nullptr, int(ids.size())));
    m_idFilterBar->show();
    showOverview(false);
    if (m_proxy->rowCount() > 0)
        m_reportView->setCurrentIndex(m_proxy->index(0, 0));
    if (cell >= 0 && currentDocument())
        m_cursor->selectCell(cell);
}

void ReviewWindow::clearOverviewFilter()
{
    m_proxy->setLibraryIds(std::nullopt);
    m_idFilterBar->hide();
}

void ReviewWindow::fillOverviewFindings()
{
    ReviewLibrary *library = this->library();
    if (!library)
        return;
    QProgressDialog progress(tr("Checking the reports imported by an older version…"), QString(), 0,
                             0, this);
    progress.setObjectName(u"overviewFillProgress"_s);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    const Result<int> filled
        = fillStoredFindings(*library, m_documents->checker(), [&progress](int done, int total) {
              progress.setMaximum(total);
              progress.setValue(done);
          });
    progress.close();
    statusBar()->showMessage(filled ? tr("Checked %n older report(s).", nullptr, filled.value())
                                    : filled.error().message,
                             kOverviewMessageTimeout);
    refreshOverview();
}

} // namespace nianbao
