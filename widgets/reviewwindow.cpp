// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewwindow.h"

#include "agencyaliasdialog.h"
#include "dialogs.h"
#include "displaytexts.h"
#include "documentmanager.h"
#include "documentview.h"
#include "draftkeeper.h"
#include "exportdialog.h"
#include "findbar.h"
#include "findingsview.h"
#include "formtableswidget.h"
#include "formtableview.h"
#include "languagemanager.h"
#include "legendwidget.h"
#include "library/draftstore.h"
#include "library/importer.h"
#include "library/librarybinding.h"
#include "library/reviewlibrary.h"
#include "opinionprinter.h"
#include "otheryearpane.h"
#include "pageview.h"
#include "reportlistmodel.h"
#include "reportlistproxy.h"
#include "reportloader.h"
#include "reportprinter.h"
#include "reporttemplate.h"
#include "reviewcursor.h"
#include "reviewdocument.h"
#include "reviewpanel.h"
#include "reviewsession.h"
#include "undocommands.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QToolTip>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr int kMaxRecentFiles = 10;
constexpr int kMessageTimeout = 10000;
const QString kRecentKey = u"recentFiles"_s;

QString reviewerName()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? u"reviewer"_s : user;
}

QWidget *titled(QLabel *title, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    title->setBuddy(content);
    layout->addWidget(title);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

ReviewWindow::ReviewWindow(LanguageManager *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_dialogs(&Dialogs::standard())
    , m_languages(languages)
    , m_documents(new DocumentManager(reviewerName(), this))
    , m_loader(m_documents->loader())
    , m_cursor(new ReviewCursor(this))
    , m_reports(m_documents->reports())
    , m_proxy(new ReportListProxy(this))
    , m_undoGroup(m_documents->undoGroup())
{
    setObjectName(u"reviewWindow"_s);
    setAcceptDrops(true);
    m_proxy->setSourceModel(m_reports);
    connect(m_documents, &DocumentManager::saveRefused, this, &ReviewWindow::offerReload);
    connect(m_documents, &DocumentManager::documentReplaced, this, &ReviewWindow::documentReplaced);
    createWidgets();
    createActions();
    createReportListActions();
    createOpinionActions();
    createRollupActions();
    createOverview();
    connectActions();
    retranslateUi();
    restoreLayout();
    rebuildRecentMenu();
    updateActions();
}

ReviewWindow::~ReviewWindow()
{
    // The documents go after the actions: nothing may tell the actions about them any more.
    disconnect(m_undoGroup, nullptr, this, nullptr);
    m_cursor->setDocument(nullptr);
}

void ReviewWindow::setDialogs(Dialogs *dialogs)
{
    m_dialogs = dialogs ? dialogs : &Dialogs::standard();
    m_findingsView->setDialogs(m_dialogs);
}

void ReviewWindow::createWidgets()
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"reportFilterLineEdit"_s);
    m_filter->setClearButtonEnabled(true);
    m_reportView = new QTreeView(this);
    m_reportView->setObjectName(u"reportListView"_s);
    m_reportView->setModel(m_proxy);
    m_reportView->setRootIsDecorated(false);
    m_reportView->setSortingEnabled(true);
    m_reportView->sortByColumn(ReportListModel::AgencyColumn, Qt::AscendingOrder);
    m_reportView->setAlternatingRowColors(true);
    m_reportView->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several reports at once: a summary and its units, or the reports to consolidate.
    m_reportView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_reportView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_reportView->header()->setSectionResizeMode(ReportListModel::AgencyColumn,
                                                 QHeaderView::Stretch);
    m_reportView->header()->setStretchLastSection(false);

    auto *listPanel = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_reportView, 1);

    m_documentView = new DocumentView(m_cursor, this);
    m_tables = new FormTablesWidget(ReportTemplate::standard(), m_cursor, this);
    m_legend = new LegendWidget(this);
    m_otherYears = new OtherYearPane(ReportTemplate::standard(), m_cursor, m_tables, this);
    m_tablesSplitter = new QSplitter(Qt::Vertical, this);
    m_tablesSplitter->setObjectName(u"tablesSplitter"_s);
    m_tablesSplitter->addWidget(m_tables);
    m_tablesSplitter->addWidget(m_otherYears);
    m_tablesSplitter->setSizes({500, 280});
    auto *tablesPanel = new QWidget(this);
    auto *tablesLayout = new QVBoxLayout(tablesPanel);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    tablesLayout->addWidget(m_tablesSplitter, 1);
    tablesLayout->addWidget(m_legend);

    m_findingsView = new FindingsView(m_cursor, this);
    m_findingsLabel = new QLabel(this);
    m_findingsLabel->setObjectName(u"findingsLabel"_s);
    m_reviewPanel = new ReviewPanel(m_cursor, this);
    m_historyView = new QUndoView(m_undoGroup, this);
    m_historyView->setObjectName(u"historyView"_s);
    m_historyLabel = new QLabel(this);

    m_leftSplitter = new QSplitter(Qt::Vertical, this);
    m_leftSplitter->setObjectName(u"leftSplitter"_s);
    m_leftSplitter->addWidget(listPanel);
    m_leftSplitter->addWidget(titled(m_historyLabel, m_historyView, this));
    m_bottomSplitter = new QSplitter(Qt::Horizontal, this);
    m_bottomSplitter->setObjectName(u"bottomSplitter"_s);
    m_bottomSplitter->addWidget(titled(m_findingsLabel, m_findingsView, this));
    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(u"rightSplitter"_s);
    m_rightSplitter->addWidget(tablesPanel);
    m_rightSplitter->addWidget(m_bottomSplitter);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_leftSplitter);
    m_mainSplitter->addWidget(createDocumentPanel());
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->addWidget(m_reviewPanel);
    m_mainSplitter->setSizes({400, 360, 680, 240});
    m_leftSplitter->setSizes({600, 300});
    m_rightSplitter->setSizes({780, 170});
    // On a small screen (a 1366×768 laptop) the text, the tables and the review panel all give
    // up room, not the tables alone; the report list keeps the width its agency names need.
    const int stretch[] = {0, 1, 2, 1};
    for (int pane = 0; pane < m_mainSplitter->count(); ++pane)
        m_mainSplitter->setStretchFactor(pane, stretch[pane]);
    setCentralWidget(m_mainSplitter);
    statusBar()->setObjectName(u"statusBar"_s);
}

QWidget *ReviewWindow::createDocumentPanel()
{
    m_findBar = new FindBar(m_documentView, this);
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_findBar);
    layout->addWidget(m_documentView, 1);
    m_pageView = new PageView(m_cursor, this);
    m_documentTabs = new QTabWidget(this);
    m_documentTabs->setObjectName(u"documentTabs"_s);
    m_documentTabs->setDocumentMode(true);
    m_documentTabs->addTab(panel, QString());
    m_documentTabs->addTab(m_pageView, QString());
    connect(m_cursor, &ReviewCursor::documentChanged, this, &ReviewWindow::updatePageTab);
    updatePageTab(nullptr);
    return m_documentTabs;
}

void ReviewWindow::updatePageTab(ReviewDocument *document)
{
    const bool hasPages = PageView::hasPages(document);
    m_documentTabs->setTabEnabled(1, hasPages);
    if (!hasPages)
        m_documentTabs->setCurrentIndex(0);
}

void ReviewWindow::showPageTab()
{
    if (m_documentTabs->isTabEnabled(1)) {
        m_documentTabs->setCurrentIndex(1);
        focusPane(m_pageView);
    }
}

QAction *ReviewWindow::addAction(QMenu *menu, const char *name, const QKeySequence &shortcut)
{
    auto *action = new QAction(this);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(shortcut);
    m_actions.insert(action->objectName(), action);
    menu->addAction(action);
    return action;
}

void ReviewWindow::createActions()
{
    auto menu = [this](const char *name) {
        QMenu *created = menuBar()->addMenu(QString());
        created->setObjectName(QString::fromLatin1(name));
        m_menus.insert(created->objectName(), created);
        return created;
    };
    QMenu *file = menu("fileMenu");
    addAction(file, "actionOpenFiles", QKeySequence::Open);
    addAction(file, "actionOpenFolder", Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    QMenu *recent = file->addMenu(QString());
    recent->setObjectName(u"recentFilesMenu"_s);
    m_menus.insert(recent->objectName(), recent);
    addAction(file, "actionCloseReport", QKeySequence::Close);
    addAction(file, "actionRefresh", QKeySequence::Refresh);
    file->addSeparator();
    addAction(file, "actionExport", Qt::CTRL | Qt::Key_E);
    addAction(file, "actionPrint", QKeySequence::Print);
    addAction(file, "actionPrintPreview", Qt::CTRL | Qt::SHIFT | Qt::Key_P);
    file->addSeparator();
    addAction(file, "actionQuit", QKeySequence::Quit);

    QMenu *edit = menu("editMenu");
    addAction(edit, "actionUndo", QKeySequence::Undo);
    QAction *redo = addAction(edit, "actionRedo", QKeySequence::Redo);
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    }
    redo->setShortcuts(redoKeys);
    edit->addSeparator();
    addAction(edit, "actionApplySuggestion", Qt::ALT | Qt::Key_Return);
    addAction(edit, "actionEditCellNote", Qt::CTRL | Qt::SHIFT | Qt::Key_M);
    addAction(edit, "actionEditReportNote", Qt::CTRL | Qt::SHIFT | Qt::Key_N);
    edit->addSeparator();
    addAction(edit, "actionFind", QKeySequence::Find);
    addAction(edit, "actionFindNext", QKeySequence::FindNext);
    addAction(edit, "actionFindPrevious", QKeySequence::FindPrevious);

    QMenu *review = menu("reviewMenu");
    addAction(review, "actionNextFinding", Qt::Key_F8);
    addAction(review, "actionPreviousFinding", Qt::SHIFT | Qt::Key_F8);
    // The decisions on the findings pane's current finding (its context menu has them too).
    review->addActions({m_findingsView->confirmAction(), m_findingsView->dismissAction(),
                        m_findingsView->reopenAction()});
    // Ctrl+PgDn/PgUp switch tables, as they switch tabs elsewhere.
    addAction(review, "actionNextReport", Qt::ALT | Qt::Key_PageDown);
    addAction(review, "actionPreviousReport", Qt::ALT | Qt::Key_PageUp);
    review->addSeparator();
    m_statusGroup = new QActionGroup(this);
    const char *statusNames[] = {"actionStatusUnreviewed", "actionStatusInProgress",
                                 "actionStatusReviewed", "actionStatusDoubtful"};
    for (int i = 0; i < 4; ++i) {
        QAction *action = addAction(review, statusNames[i], Qt::CTRL | Qt::Key(Qt::Key_1 + i));
        action->setCheckable(true);
        action->setData(i);
        m_statusGroup->addAction(action);
    }

    QMenu *view = menu("viewMenu");
    addAction(view, "actionFocusReports", Qt::ALT | Qt::Key_1);
    addAction(view, "actionFocusDocument", Qt::ALT | Qt::Key_2);
    addAction(view, "actionFocusTables", Qt::ALT | Qt::Key_3);
    addAction(view, "actionFocusFindings", Qt::ALT | Qt::Key_4);
    addAction(view, "actionFocusHistory", Qt::ALT | Qt::Key_5);
    addAction(view, "actionFocusPage", Qt::ALT | Qt::Key_6);
    addAction(view, "actionFilterReports", Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    view->addSeparator();
    addAction(view, "actionNextTable", Qt::CTRL | Qt::Key_PageDown);
    addAction(view, "actionPreviousTable", Qt::CTRL | Qt::Key_PageUp);
    QAction *compareYears = addAction(view, "actionCompareYears", Qt::CTRL | Qt::SHIFT | Qt::Key_Y);
    compareYears->setCheckable(true);
    compareYears->setChecked(true);
    view->addSeparator();
    addAction(view, "actionZoomIn", Qt::CTRL | Qt::Key_Equal)
        ->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    addAction(view, "actionZoomOut", QKeySequence::ZoomOut);
    addAction(view, "actionZoomReset", Qt::CTRL | Qt::Key_0);

    createLanguageActions(menu("languageMenu"));
    QMenu *help = menu("helpMenu");
    addAction(help, "actionAbout");
}

void ReviewWindow::createReportListActions()
{
    // A failed file's reason would size the status column past the counts: it is elided, and
    // told in full in the tooltip and beside the report.
    m_reportView->header()->setSectionResizeMode(ReportListModel::StatusColumn,
                                                 QHeaderView::Interactive);
    m_reportView->header()->resizeSection(ReportListModel::StatusColumn, 80);

    auto *remove = new QAction(this);
    remove->setObjectName(u"actionDeleteReport"_s);
    // Delete in the list only: in the tables, Delete clears a cell.
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_actions.insert(remove->objectName(), remove);
    m_menus.value(u"fileMenu"_s)->insertAction(m_actions.value(u"actionRefresh"_s), remove);
    m_reportView->addAction(remove);
    m_reportView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(remove, &QAction::triggered, this, &ReviewWindow::deleteCurrentReport);
    connect(m_cursor, &ReviewCursor::documentChanged, this,
            [remove](ReviewDocument *document) { remove->setEnabled(document); });
    remove->setEnabled(false);

    auto *aliases = new QAction(this);
    aliases->setObjectName(u"actionAgencyAliases"_s);
    m_actions.insert(aliases->objectName(), aliases);
    m_menus.value(u"fileMenu"_s)->insertAction(m_actions.value(u"actionRefresh"_s), aliases);
    connect(aliases, &QAction::triggered, this, &ReviewWindow::editAgencyAliases);
}

void ReviewWindow::retranslateReportListActions()
{
    m_actions.value(u"actionDeleteReport"_s)->setText(tr("&Delete Report from the Library…"));
    m_actions.value(u"actionAgencyAliases"_s)->setText(tr("Agency &Aliases…"));
    m_actions.value(u"actionAgencyAliases"_s)
        ->setToolTip(tr("Names under which one agency publishes, so that its years are compared"));
}

void ReviewWindow::editAgencyAliases()
{
    ReviewLibrary *library = this->library();
    if (!library) {
        m_dialogs->information(this, tr("Agency Aliases"),
                               tr("Agency aliases are kept in a review library; open one first."));
        return;
    }
    const Result<QHash<QString, QString>> aliases = library->agencyAliases();
    if (!aliases) {
        m_dialogs->information(this, tr("Agency Aliases"), aliases.error().message);
        return;
    }
    auto *dialog = new AgencyAliasDialog(aliases.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ReviewLibrary *library = this->library();
        const Result<void> saved
            = library ? library->saveAgencyAliases(dialog->aliases()) : Result<void>();
        if (!saved)
            m_dialogs->information(this, tr("Agency Aliases"), saved.error().message);
        else
            m_documents->compareYearsAgain();
    });
    dialog->open();
}

QString ReviewWindow::reportName(const ReviewDocument *document) const
{
    const ReviewSession *session = document->session();
    if (!session || session->report().agency.isEmpty())
        return QFileInfo(document->filePath()).fileName();
    return session->report().year > 0
        ? tr("%1 (%2)").arg(session->report().agency).arg(session->report().year)
        : session->report().agency;
}

void ReviewWindow::deleteCurrentReport()
{
    ReviewDocument *document = currentDocument();
    if (!document)
        return;
    // A file that failed, or one opened without a library: nothing is stored, it only leaves.
    if (!document->libraryBinding()) {
        removeDocument(document);
        return;
    }
    const QString name = reportName(document);
    if (!m_dialogs->question(this, tr("Delete Report"),
                             tr("Delete %1 from the library? Its corrections, notes and review "
                                "status are deleted with it, and this cannot be undone.")
                                 .arg(name),
                             tr("Delete")))
        return;
    if (currentDocument() == document)
        m_cursor->setDocument(nullptr);
    const Result<void> removed = m_documents->deleteFromLibrary(document);
    if (!removed) {
        m_cursor->setDocument(document);
        m_dialogs->information(this, tr("Library"), removed.error().message);
        return;
    }
    statusBar()->showMessage(tr("Deleted %1 from the library.").arg(name), kMessageTimeout);
}

void ReviewWindow::createLanguageActions(QMenu *menu)
{
    m_languageGroup = new QActionGroup(this);
    const std::pair<const char *, QString> languages[] = {{"actionLanguageSystem", QString()},
                                                          {"actionLanguageChinese", u"zh_CN"_s},
                                                          {"actionLanguageEnglish", u"en"_s}};
    const QString current = m_languages ? m_languages->language() : QString();
    for (const auto &[name, code] : languages) {
        QAction *action = addAction(menu, name);
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == current);
        action->setEnabled(m_languages);
        m_languageGroup->addAction(action);
    }
}

void ReviewWindow::connectActions()
{
    auto on = [this](const char *name, auto slot) {
        connect(m_actions.value(QString::fromLatin1(name)), &QAction::triggered, this, slot);
    };
    on("actionOpenFiles", &ReviewWindow::openFilesDialog);
    on("actionOpenFolder", &ReviewWindow::openFolderDialog);
    on("actionCloseReport", &ReviewWindow::closeCurrentReport);
    on("actionRefresh", &ReviewWindow::refreshFromLibrary);
    on("actionQuit", &QWidget::close);
    on("actionUndo", [this] { m_undoGroup->undo(); });
    on("actionRedo", [this] { m_undoGroup->redo(); });
    on("actionApplySuggestion", &ReviewWindow::applySuggestion);
    on("actionEditCellNote",
       [this] { focusPane(m_reviewPanel->findChild<QWidget *>(u"cellNoteEdit"_s)); });
    on("actionEditReportNote",
       [this] { focusPane(m_reviewPanel->findChild<QWidget *>(u"reportNoteEdit"_s)); });
    on("actionNextFinding", [this] { m_cursor->selectNextFinding(1); });
    on("actionPreviousFinding", [this] { m_cursor->selectNextFinding(-1); });
    on("actionNextReport", [this] { stepReport(1); });
    on("actionPreviousReport", [this] { stepReport(-1); });
    on("actionFocusReports", [this] { focusPane(m_reportView); });
    on("actionFocusDocument", [this] {
        m_documentTabs->setCurrentIndex(0);
        focusPane(m_documentView);
    });
    on("actionFocusPage", &ReviewWindow::showPageTab);
    on("actionFocusTables", [this] { focusPane(m_tables->currentWidget()); });
    on("actionFocusFindings", [this] { focusPane(m_findingsView); });
    on("actionFocusHistory", [this] { focusPane(m_historyView); });
    on("actionFilterReports", [this] { focusPane(m_filter); });
    on("actionAbout", [this] {
        m_dialogs->information(this, tr("About Nianbao"),
                               tr("Nianbao %1 checks the annual reports on government information "
                                  "disclosure (政府信息公开工作年度报告).")
                                   .arg(QCoreApplication::applicationVersion()));
    });
    connect(m_statusGroup, &QActionGroup::triggered, this,
            [this](QAction *action) { setReviewStatus(action->data().toInt()); });
    connect(m_languageGroup, &QActionGroup::triggered, this,
            [this](QAction *action) { chooseLanguage(action->data().toString()); });

    connect(m_undoGroup, &QUndoGroup::canUndoChanged, this, &ReviewWindow::updateUndoTexts);
    connect(m_undoGroup, &QUndoGroup::canRedoChanged, this, &ReviewWindow::updateUndoTexts);
    connect(m_undoGroup, &QUndoGroup::undoTextChanged, this, &ReviewWindow::updateUndoTexts);
    connect(m_undoGroup, &QUndoGroup::redoTextChanged, this, &ReviewWindow::updateUndoTexts);
    connect(m_cursor, &ReviewCursor::selectionChanged, this, &ReviewWindow::updateActions);
    connect(m_loader, &ReportLoader::loaded, this, &ReviewWindow::addReports);
    connect(m_loader, &ReportLoader::idle, this, &ReviewWindow::loadingFinished);
    // Cancel stops the reading inside the file under way; unread files end as cancelled.
    m_cancelLoading = new QPushButton(this);
    m_cancelLoading->setObjectName(u"cancelLoadingButton"_s);
    m_cancelLoading->hide();
    statusBar()->addPermanentWidget(m_cancelLoading);
    connect(m_cancelLoading, &QPushButton::clicked, m_loader, &ReportLoader::cancel);
    connect(m_loader, &ReportLoader::idle, m_cancelLoading, &QWidget::hide);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ReportListProxy::setFilterFixedString);
    connect(m_reportView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReviewWindow::reportActivated);
    connect(m_tables, &FormTablesWidget::inputRejected, this, &ReviewWindow::showInputRejected);
    connect(m_findingsView, &QAbstractItemView::activated, this,
            [this] { focusPane(m_tables->currentWidget()); });
    m_reviewPanel->setApplySuggestionAction(m_actions.value(u"actionApplySuggestion"_s));
    connect(m_menus.value(u"recentFilesMenu"_s), &QMenu::aboutToShow, this,
            &ReviewWindow::rebuildRecentMenu);
    connectToolActions();
}

void ReviewWindow::connectToolActions()
{
    auto on = [this](const char *name, auto slot) {
        connect(m_actions.value(QString::fromLatin1(name)), &QAction::triggered, this, slot);
    };
    on("actionExport", &ReviewWindow::showExportDialog);
    on("actionPrint", &ReviewWindow::printCurrentReport);
    on("actionPrintPreview", &ReviewWindow::previewCurrentReport);
    connect(m_actions.value(u"actionCompareYears"_s), &QAction::toggled, m_otherYears,
            &OtherYearPane::setWanted);
    // Finding is in the text: its tab comes to the front.
    on("actionFind", [this] {
        m_documentTabs->setCurrentIndex(0);
        m_findBar->activate();
    });
    on("actionFindNext", [this] {
        m_documentTabs->setCurrentIndex(0);
        if (m_findBar->isHidden())
            m_findBar->activate();
        m_findBar->findNext();
    });
    on("actionFindPrevious", [this] {
        m_documentTabs->setCurrentIndex(0);
        if (m_findBar->isHidden())
            m_findBar->activate();
        m_findBar->findPrevious();
    });
    on("actionNextTable", [this] { m_tables->stepTable(1); });
    on("actionPreviousTable", [this] { m_tables->stepTable(-1); });
    on("actionZoomIn", [this] { setZoom(m_tables->zoom() + 1); });
    on("actionZoomOut", [this] { setZoom(m_tables->zoom() - 1); });
    on("actionZoomReset", [this] { setZoom(0); });
}

void ReviewWindow::retranslateUi()
{
    setWindowTitle(tr("Nianbao — annual report review"));
    m_cancelLoading->setText(tr("Cancel opening"));
    m_filter->setPlaceholderText(tr("Filter reports (Ctrl+Shift+F)"));
    updateFindingsLabel();
    m_documentTabs->setTabText(0, tr("Original Text"));
    m_documentTabs->setTabText(1, tr("Page"));
    m_documentTabs->setTabToolTip(1,
                                  tr("The page of a PDF or scanned report where the selected "
                                     "cell stands (Alt+6)"));
    m_historyLabel->setText(tr("&History"));
    m_historyView->setEmptyLabel(tr("<opened>"));
    m_menus.value(u"fileMenu"_s)->setTitle(tr("&File"));
    m_menus.value(u"recentFilesMenu"_s)->setTitle(tr("Open &Recent"));
    m_menus.value(u"editMenu"_s)->setTitle(tr("&Edit"));
    m_menus.value(u"reviewMenu"_s)->setTitle(tr("&Review"));
    m_menus.value(u"viewMenu"_s)->setTitle(tr("&View"));
    m_menus.value(u"languageMenu"_s)->setTitle(tr("&Language"));
    m_menus.value(u"helpMenu"_s)->setTitle(tr("&Help"));
    retranslateActions();
    retranslateReportListActions();
    retranslateOpinionActions();
    retranslateRollupActions();
    retranslateOverview();
    updateUndoTexts();
}

void ReviewWindow::retranslateActions()
{
    const std::pair<const char *, QString> texts[] = {
        {"actionOpenFiles", tr("&Open Reports…")},
        {"actionOpenFolder", tr("Open &Folder…")},
        {"actionCloseReport", tr("&Close Report")},
        {"actionRefresh", tr("&Refresh from the Library")},
        {"actionQuit", tr("&Quit")},
        {"actionApplySuggestion", tr("&Apply Suggestion")},
        {"actionEditCellNote", tr("Edit Note on the &Cell")},
        {"actionEditReportNote", tr("Edit Note on the &Report")},
        {"actionNextFinding", tr("&Next Finding")},
        {"actionPreviousFinding", tr("&Previous Finding")},
        {"actionNextReport", tr("Next Re&port")},
        {"actionPreviousReport", tr("Previous Rep&ort")},
        {"actionStatusUnreviewed", reviewStatusText(ReviewStatus::Unreviewed)},
        {"actionStatusInProgress", reviewStatusText(ReviewStatus::InProgress)},
        {"actionStatusReviewed", reviewStatusText(ReviewStatus::Reviewed)},
        {"actionStatusDoubtful", reviewStatusText(ReviewStatus::Doubtful)},
        {"actionFocusReports", tr("Go to the &Report List")},
        {"actionFocusDocument", tr("Go to the &Original Text")},
        {"actionFocusTables", tr("Go to the &Tables")},
        {"actionFocusFindings", tr("Go to the &Findings")},
        {"actionFocusHistory", tr("Go to the &History")},
        {"actionFocusPage", tr("Go to the &Page")},
        {"actionFilterReports", tr("Filter the Report &List")},
        {"actionLanguageSystem", tr("&System Language")},
        {"actionLanguageChinese", u"简体中文"_s},
        {"actionLanguageEnglish", u"English"_s},
        {"actionAbout", tr("&About Nianbao")},
    };
    for (const auto &[name, text] : texts)
        m_actions.value(QString::fromLatin1(name))->setText(text);
    retranslateToolActions();
}

void ReviewWindow::retranslateToolActions()
{
    const std::pair<const char *, QString> texts[] = {
        {"actionExport", tr("&Export…")},
        {"actionPrint", tr("&Print…")},
        {"actionPrintPreview", tr("Print Pre&view…")},
        {"actionFind", tr("&Find in the Report Text…")},
        {"actionFindNext", tr("Find Ne&xt")},
        {"actionFindPrevious", tr("Find Pre&vious")},
        {"actionNextTable", tr("Ne&xt Table")},
        {"actionPreviousTable", tr("Pre&vious Table")},
        {"actionCompareYears", tr("Compare with the Agency's Other &Years")},
        {"actionZoomIn", tr("Zoom &In")},
        {"actionZoomOut", tr("Zoom &Out")},
        {"actionZoomReset", tr("&Actual Size")},
    };
    for (const auto &[name, text] : texts)
        m_actions.value(QString::fromLatin1(name))->setText(text);
}

void ReviewWindow::updateUndoTexts()
{
    QAction *undo = m_actions.value(u"actionUndo"_s);
    QAction *redo = m_actions.value(u"actionRedo"_s);
    undo->setEnabled(m_undoGroup->canUndo());
    redo->setEnabled(m_undoGroup->canRedo());
    undo->setText(m_undoGroup->canUndo() ? tr("&Undo %1").arg(m_undoGroup->undoText())
                                         : tr("&Undo"));
    redo->setText(m_undoGroup->canRedo() ? tr("&Redo %1").arg(m_undoGroup->redoText())
                                         : tr("&Redo"));
}

void ReviewWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        for (ReviewDocument *document : m_reports->documents()) {
            if (document->session())
                document->session()->retranslate();
        }
        m_reports->retranslate();
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void ReviewWindow::chooseLanguage(const QString &language)
{
    if (!m_languages)
        return;
    QSettings().setValue(u"language"_s, language);
    m_languages->setLanguage(language);
}

void ReviewWindow::openPaths(const QStringList &paths)
{
    // The walk the CLI import uses: folders recursively, every format the loaders read, and
    // every other file named with its reason instead of left out without a word.
    const ReportFileScan scan = scanReportFiles(paths);
    const QStringList &files = scan.files;
    dropFailedDocuments(files);
    QStringList fresh;
    for (const QString &file : files) {
        if (m_reports->rowOfFile(file) < 0 && !fresh.contains(file))
            fresh.append(file);
    }
    if (library() && !fresh.isEmpty()) {
        importIntoLibrary(ReportFileScan {fresh, scan.skipped});
        return;
    }
    listSkippedFiles(scan.skipped);
    if (fresh.isEmpty()) {
        if (!files.isEmpty())
            selectRow(m_reports->rowOfFile(files.first()));
        else if (!scan.skipped.isEmpty())
            statusBar()->showMessage(tr("No reports found; %n file(s) skipped, see the list.",
                                        nullptr, int(scan.skipped.size())),
                                     kMessageTimeout);
        return;
    }
    statusBar()->showMessage(tr("Opening %n report(s)…", nullptr, int(fresh.size())));
    m_cancelLoading->show();
    m_loader->load(fresh);
}

void ReviewWindow::listSkippedFiles(const QList<Error> &skipped)
{
    // Listed like a file that failed, with the reason it was left out, so none goes unnoticed.
    QStringList files;
    for (const Error &skip : skipped)
        files.append(skip.where.file);
    dropFailedDocuments(files);
    for (const Error &skip : skipped)
        addFailedDocument(skip);
}

bool ReviewWindow::isLoading() const
{
    return m_documents->isBusy();
}

ReviewLibrary *ReviewWindow::library() const
{
    return m_documents->library();
}

void ReviewWindow::addReports(const std::vector<Report> &reports)
{
    ReviewDocument *first = nullptr;
    QStringList opened;
    int failed = 0;
    for (const Report &report : reports) {
        ReviewDocument *document = addDocument(report);
        if (!first)
            first = document;
        if (document->isLoaded())
            opened.append(document->filePath());
        else
            ++failed;
    }
    addRecentFiles(opened);
    statusBar()->showMessage(
        failed ? tr("%n report(s) could not be opened; see the list.", nullptr, failed)
               : tr("Opened %n report(s).", nullptr, int(reports.size())),
        kMessageTimeout);
    if (first && !currentDocument())
        m_reportView->setCurrentIndex(m_proxy->index(0, 0));
}

ReviewDocument *ReviewWindow::addDocument(const Report &report)
{
    return m_documents->addDocument(report);
}

void ReviewWindow::setLibrary(std::unique_ptr<ReviewLibrary> library)
{
    m_documents->setLibrary(std::move(library));
    delete m_drafts;
    m_drafts = nullptr;
    if (ReviewLibrary *library = m_documents->library()) {
        m_drafts = new DraftKeeper(DraftStore(library->location()), m_tables, m_cursor, this);
        connect(m_drafts, &DraftKeeper::draftFailed, this, [this](const Error &error) {
            statusBar()->showMessage(error.message, kMessageTimeout);
        });
    }
    const ReviewLibrary *opened = m_documents->library();
    statusBar()->showMessage(tr("Library: %1").arg(opened ? opened->location() : QString()),
                             kMessageTimeout);
}

void ReviewWindow::openLibraryDocuments()
{
    if (!library())
        return;
    QStringList problems;
    listLibraryReports({}, problems);
    if (!problems.isEmpty())
        m_dialogs->information(this, tr("Library"), problems.join(u'\n'));
}

int ReviewWindow::listLibraryReports(const QList<qint64> &ids, QStringList &problems)
{
    const Result<int> listed = m_documents->listLibraryReports(ids);
    if (!listed) {
        problems.append(listed.error().message);
        return 0;
    }
    if (listed.value() > 0 && !currentDocument())
        m_reportView->setCurrentIndex(m_proxy->index(0, 0));
    return listed.value();
}

void ReviewWindow::selectRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_reports->index(row, 0));
    if (index.isValid())
        m_reportView->setCurrentIndex(index);
}

void ReviewWindow::importIntoLibrary(const ReportFileScan &scan)
{
    const QStringList &files = scan.files;
    auto *dialog = new QProgressDialog(tr("Importing reports into the library…"), tr("Cancel"), 0,
                                       int(files.size()), this);
    dialog->setObjectName(u"importProgressDialog"_s);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    connect(dialog, &QProgressDialog::canceled, m_documents, &DocumentManager::cancelImport);
    connect(
        m_documents, &DocumentManager::importProgress, dialog,
        [dialog](const ImportProgress &progress) {
            // Files are read ahead of the batch being stored: the count is what is stored,
            // and a file is named as its reading begins, so a slow one is seen while read.
            QString name = QFileInfo(progress.file).fileName();
            if (progress.ocrPage > 0)
                name = progress.ocrPages > 0
                    ? tr("%1 (OCR, page %2 of %3)")
                          .arg(name)
                          .arg(progress.ocrPage)
                          .arg(progress.ocrPages)
                    : tr("%1 (OCR, page %2)").arg(name).arg(progress.ocrPage);
            dialog->setLabelText(
                progress.finished
                    ? tr("Imported %1 of %2: %3").arg(progress.done).arg(progress.total).arg(name)
                    : tr("Imported %1 of %2, reading %3")
                          .arg(progress.done)
                          .arg(progress.total)
                          .arg(name));
            // Last: a modal dialog's setValue() handles events, later updates too.
            dialog->setValue(progress.done);
        });
    connect(
        m_documents, &DocumentManager::importFinished, dialog,
        [this, dialog](const QStringList &imported, const ImportSummary &summary) {
            // Gone before any message: a box under a progress dialog at 100% looks like a hang.
            dialog->hide();
            dialog->deleteLater();
            openFromLibrary(imported, summary);
            emit loadingFinished();
        },
        Qt::SingleShotConnection);
    statusBar()->showMessage(tr("Importing %n report(s)…", nullptr, int(files.size())));
    m_documents->import(scan);
}

void ReviewWindow::openFromLibrary(const QStringList &files, const ImportSummary &summary)
{
    QStringList problems;
    for (const Error &failure : summary.failures) {
        problems.append(importFailureLine(failure));
        addFailedDocument(failure);
    }
    for (const Error &skip : summary.skipped)
        problems.append(tr("Skipped %1").arg(importFailureLine(skip)));
    listSkippedFiles(summary.skipped);
    if (summary.cancelled)
        problems.prepend(tr("The import was cancelled; the reports imported so far are kept."));
    const int opened = summary.ids.isEmpty() ? 0 : listLibraryReports(summary.ids, problems);
    addRecentFiles(importedFiles(files));
    if (!problems.isEmpty())
        m_dialogs->tell(this, tr("Import"), problems.join(u'\n'));
    statusBar()->showMessage(tr("Imported %1, already in the library %2, failed %3; opened %4.")
                                 .arg(summary.imported)
                                 .arg(summary.duplicates)
                                 .arg(summary.failures.size())
                                 .arg(opened),
                             kMessageTimeout);
}

QString ReviewWindow::importFailureLine(const Error &failure) const
{
    const QString name = QFileInfo(failure.where.file).fileName();
    if (name.isEmpty() || failure.message.contains(name))
        return failure.message;
    return tr("%1: %2").arg(name, failure.message);
}

void ReviewWindow::addFailedDocument(const Error &failure)
{
    m_documents->addFailedDocument(failure);
}

void ReviewWindow::dropFailedDocuments(const QStringList &files)
{
    m_documents->dropFailedDocuments(files);
}

void ReviewWindow::offerReload(ReviewDocument *document, const Error &error)
{
    const bool conflict = error.code == u"library.conflict"_s;
    const QString text = conflict
        ? tr("Another reviewer changed %1 after you opened it, so your last change was not "
             "saved. Reload the report to see their changes, then make yours again.")
              .arg(QFileInfo(document->filePath()).fileName())
        : tr("Your last change to %1 could not be saved: %2")
              .arg(QFileInfo(document->filePath()).fileName(), error.message);
    if (!m_dialogs->question(this, tr("Change not saved"), text, tr("Reload")))
        return;
    const Result<ReviewDocument *> reloaded = m_documents->reload(document);
    if (!reloaded)
        m_dialogs->information(this, tr("Library"), reloaded.error().message);
}

void ReviewWindow::documentReplaced(ReviewDocument *previous, ReviewDocument *current)
{
    // The previous document is deleted later; the view moves to the one read anew.
    if (currentDocument() == previous)
        showDocument(current);
}

void ReviewWindow::refreshFromLibrary()
{
    // Others' changes to the report in view: reload it when the library has a newer version.
    ReviewDocument *document = currentDocument();
    if (!document || !document->libraryBinding())
        return;
    const Result<ReviewDocument *> reloaded
        = m_documents->reload(document, DocumentManager::Reload::IfNewer);
    if (!reloaded) {
        m_dialogs->information(this, tr("Library"), reloaded.error().message);
        return;
    }
    if (reloaded.value() == document) {
        statusBar()->showMessage(tr("No one else has changed this report."), kMessageTimeout);
        return;
    }
    statusBar()->showMessage(tr("Reloaded with the changes saved in the library."),
                             kMessageTimeout);
}

bool ReviewWindow::offerToRestoreDraft()
{
    const std::optional<Draft> draft = leftDraft();
    if (!draft)
        return false;
    const int cell = ReportTemplate::standard().cellIndex(draft->cell);
    const QString text
        = tr("Nianbao stopped before you confirmed “%1” in the cell “%2” of %3.\n\nPut the "
             "text back into the cell? It is saved once you confirm it with Enter.")
              .arg(draft->text, ReportTemplate::standard().cellLabel(cell), draft->reportTitle);
    m_dialogs->ask(this, tr("Restore Unsaved Text"), text, tr("Restore"), tr("Discard"),
                   [this, restored = *draft](bool restore) {
                       if (restore)
                           restoreDraft(restored);
                       else
                           discardDraft({});
                   });
    return true;
}

std::optional<Draft> ReviewWindow::leftDraft()
{
    if (!m_drafts)
        return {};
    const Result<std::optional<Draft>> left = m_drafts->store().load();
    if (!left) {
        discardDraft(left.error().message);
        return {};
    }
    if (!left.value())
        return {};
    const Draft &draft = *left.value();
    const Result<QList<DocumentSummary>> documents = library()->documents({draft.documentId});
    if (!documents) {
        // Kept: the library may answer at the next start.
        m_dialogs->information(this, tr("Restore Unsaved Text"), documents.error().message);
        return {};
    }
    const bool present = !documents.value().isEmpty();
    if (!present || ReportTemplate::standard().cellIndex(draft.cell) < 0) {
        discardDraft(tr("Nianbao stopped before you confirmed “%1” in %2, and that report is no "
                        "longer in the library, so the text cannot be put back.")
                         .arg(draft.text, draft.reportTitle));
        return {};
    }
    return draft;
}

void ReviewWindow::restoreDraft(const Draft &draft)
{
    ReviewDocument *document = documentWithId(draft.documentId);
    if (document)
        setCurrentDocument(document);
    const int cell = ReportTemplate::standard().cellIndex(draft.cell);
    if (!document || !m_drafts->reopenEditor(cell, draft.text)) {
        m_dialogs->information(
            this, tr("Restore Unsaved Text"),
            tr("The text “%1” could not be put back into %2.").arg(draft.text, draft.reportTitle));
        return;
    }
    statusBar()->showMessage(
        tr("Your text is back in the cell: press Enter to confirm it, or Esc to drop it."),
        kMessageTimeout);
}

void ReviewWindow::discardDraft(const QString &why)
{
    if (!why.isEmpty())
        m_dialogs->information(this, tr("Restore Unsaved Text"), why);
    const Result<void> removed = m_drafts->store().remove();
    if (!removed)
        statusBar()->showMessage(removed.error().message, kMessageTimeout);
}

ReviewDocument *ReviewWindow::documentWithId(qint64 id)
{
    return m_documents->documentWithId(id);
}

ReviewDocument *ReviewWindow::currentDocument() const
{
    return m_cursor->document();
}

void ReviewWindow::setCurrentDocument(ReviewDocument *document)
{
    const QModelIndex index
        = m_proxy->mapFromSource(m_reports->index(m_reports->rowOf(document), 0));
    if (index.isValid())
        m_reportView->setCurrentIndex(index);
    else
        reportActivated({});
}

void ReviewWindow::reportActivated(const QModelIndex &proxyIndex)
{
    const Result<ReviewDocument *> loaded
        = m_documents->loadRow(m_proxy->mapToSource(proxyIndex).row());
    if (!loaded)
        statusBar()->showMessage(loaded.error().message, kMessageTimeout);
    ReviewDocument *document = loaded ? loaded.value() : nullptr;
    showDocument(document);
    m_documents->dropUnusedDocuments(document);
}

void ReviewWindow::showDocument(ReviewDocument *document)
{
    m_undoGroup->setActiveStack(document ? document->undoStack() : nullptr);
    m_cursor->setDocument(document);
    disconnect(m_findingsShown);
    disconnect(m_decisionsShown);
    if (document) {
        m_findingsShown = connect(document, &ReviewDocument::findingsChanged, this, [this] {
            updateActions();
            updateFindingsLabel();
        });
        m_decisionsShown = connect(document, &ReviewDocument::decisionChanged, this,
                                   &ReviewWindow::updateFindingsLabel);
    }
    updateActions();
    updateFindingsLabel();
}

void ReviewWindow::updateFindingsLabel()
{
    const ReviewDocument *document = currentDocument();
    if (!document || !document->session()) {
        m_findingsLabel->setText(tr("&Findings"));
        return;
    }
    const ReviewDocument::DecisionCounts counts = document->decisionCounts();
    QString text = tr("&Findings: %n open", nullptr, counts.open);
    if (counts.confirmed > 0)
        text += tr(" · %n confirmed", nullptr, counts.confirmed);
    if (counts.dismissed > 0)
        text += tr(" · %n dismissed", nullptr, counts.dismissed);
    m_findingsLabel->setText(text);
}

void ReviewWindow::closeCurrentReport()
{
    ReviewDocument *document = currentDocument();
    if (document)
        removeDocument(document);
}

void ReviewWindow::removeDocument(ReviewDocument *document)
{
    if (currentDocument() == document)
        m_cursor->setDocument(nullptr);
    m_documents->removeDocument(document);
}

void ReviewWindow::stepReport(int step)
{
    const int count = m_proxy->rowCount();
    if (count == 0)
        return;
    const int row = m_reportView->currentIndex().row();
    const int next = row < 0 ? 0 : ((row + step) % count + count) % count;
    m_reportView->setCurrentIndex(m_proxy->index(next, 0));
}

void ReviewWindow::applySuggestion()
{
    ReviewDocument *document = currentDocument();
    if (!document || !document->session())
        return;
    std::optional<Finding> finding = document->finding(m_cursor->findingKey());
    if (!finding || !finding->suggestion)
        finding = document->suggestionFor(m_cursor->cell());
    if (!finding || !finding->suggestion)
        return;
    const Suggestion suggestion = *finding->suggestion;
    document->undoStack()->push(new ChangeCellValue(document->session(), suggestion.cell,
                                                    suggestion.value,
                                                    ChangeCellValue::Kind::ApplySuggestion));
    m_cursor->selectCell(suggestion.cell);
}

void ReviewWindow::setReviewStatus(int status)
{
    ReviewDocument *document = currentDocument();
    const ReviewStatus wanted = reviewStatuses().value(status);
    if (document && document->session() && document->session()->status() != wanted)
        document->undoStack()->push(changeStatusCommand(document->session(), wanted));
}

void ReviewWindow::updateActions()
{
    ReviewDocument *document = currentDocument();
    const bool loaded = document && document->session();
    bool canApply = false;
    if (loaded) {
        const std::optional<Finding> finding = document->finding(m_cursor->findingKey());
        canApply = (finding && finding->suggestion) || document->suggestionFor(m_cursor->cell());
    }
    m_actions.value(u"actionApplySuggestion"_s)->setEnabled(canApply);
    m_actions.value(u"actionCloseReport"_s)->setEnabled(document);
    m_actions.value(u"actionRefresh"_s)->setEnabled(loaded && library());
    m_actions.value(u"actionPrint"_s)->setEnabled(document);
    m_actions.value(u"actionPrintPreview"_s)->setEnabled(document);
    m_actions.value(u"actionOpinionPreview"_s)->setEnabled(document);
    m_statusGroup->setEnabled(loaded);
    if (loaded) {
        const int status = int(reviewStatuses().indexOf(document->session()->status()));
        m_statusGroup->actions().value(status)->setChecked(true);
    }
}

void ReviewWindow::showInputRejected(const QString &message)
{
    statusBar()->showMessage(message, kMessageTimeout);
    if (auto *view = qobject_cast<FormTableView *>(m_tables->currentWidget())) {
        const QRect rect = view->visualRect(view->currentIndex());
        QToolTip::showText(view->viewport()->mapToGlobal(rect.bottomLeft()), message, view);
    }
}

void ReviewWindow::focusPane(QWidget *pane)
{
    if (pane)
        pane->setFocus(Qt::ShortcutFocusReason);
}

void ReviewWindow::openFilesDialog()
{
    const QStringList files = m_dialogs->openFiles(
        this, tr("Open Reports"),
        tr("Reports (%1);;All files (*)").arg(reportFilePatterns().join(u' ')));
    openPaths(files);
}

void ReviewWindow::openFolderDialog()
{
    const QString folder = m_dialogs->openFolder(this, tr("Open a Folder of Reports"));
    if (!folder.isEmpty())
        openPaths({folder});
}

void ReviewWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ReviewWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        openPaths(paths);
    }
}

void ReviewWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

QStringList ReviewWindow::importedFiles(const QStringList &files) const
{
    // What the import brought into the library and the window opened: not the failures, and
    // after a cancel only what was imported before it.
    QStringList imported;
    for (const QString &file : files) {
        if (m_reports->rowOfFile(file) >= 0 && !m_reports->rowFailed(m_reports->rowOfFile(file)))
            imported.append(file);
    }
    return imported;
}

void ReviewWindow::showExportDialog()
{
    auto *dialog = new ExportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCounts(int(rowsIn(int(ExportDialog::Scope::CurrentReport)).size()),
                      int(rowsIn(int(ExportDialog::Scope::FilteredReports)).size()),
                      int(rowsIn(int(ExportDialog::Scope::AllReports)).size()));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        exportReports(dialog->format(), int(dialog->scope()), dialog->options());
    });
    dialog->open();
}

QList<int> ReviewWindow::rowsIn(int scope) const
{
    QList<int> rows;
    switch (ExportDialog::Scope(scope)) {
    case ExportDialog::Scope::CurrentReport:
        if (currentDocument())
            rows.append(m_reports->rowOf(currentDocument()));
        return rows;
    case ExportDialog::Scope::FilteredReports:
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            rows.append(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
        return rows;
    case ExportDialog::Scope::AllReports:
        break;
    }
    for (int row = 0; row < m_reports->rowCount(); ++row)
        rows.append(row);
    return rows;
}

void ReviewWindow::exportReports(ExportFormat format, int scope, const ExportOptions &options)
{
    const QList<int> rows = rowsIn(scope);
    if (rows.isEmpty()) {
        m_dialogs->information(this, tr("Export"), tr("There is no report to export."));
        return;
    }
    const QString path = m_dialogs->saveFile(this, tr("Export"), exportFileFilter(format),
                                             suggestedExportName(format));
    if (path.isEmpty())
        return;
    // Never over the library the window works on, whatever name the user typed.
    const Result<void> target
        = checkExportTarget(path, library() ? library()->location() : QString());
    if (!target) {
        m_dialogs->information(this, tr("Export"), target.error().message);
        return;
    }
    // Reports not loaded are read from the library one at a time, as the CLI's export does.
    const Exporter exporter(m_loader->checker());
    QList<ExportedReview> reviews;
    for (int row : rows) {
        if (const ReviewDocument *document = m_reports->document(row)) {
            reviews.append(exportedReviewOf(*document));
            continue;
        }
        Result<ExportedReview> stored
            = exporter.collectReport(*library(), m_reports->libraryId(row));
        if (!stored) {
            m_dialogs->information(this, tr("Export"), stored.error().message);
            return;
        }
        reviews.append(std::move(stored).value());
    }
    const Result<int> written = exporter.write(reviews, format, path, options);
    if (!written) {
        m_dialogs->information(this, tr("Export"), written.error().message);
        return;
    }
    statusBar()->showMessage(tr("Exported %n report(s) to %1.", nullptr, written.value())
                                 .arg(QDir::toNativeSeparators(path)),
                             kMessageTimeout);
}

void ReviewWindow::printCurrentReport()
{
    ReviewDocument *document = currentDocument();
    if (!document)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(QFileInfo(document->filePath()).fileName());
    if (!m_dialogs->choosePrinter(this, &printer))
        return;
    printReport(*document, &printer);
    statusBar()->showMessage(tr("Printed %1.").arg(printer.docName()), kMessageTimeout);
}

void ReviewWindow::previewCurrentReport()
{
    ReviewDocument *document = currentDocument();
    if (!document)
        return;
    auto *preview = new QPrintPreviewDialog(this);
    preview->setObjectName(u"printPreviewDialog"_s);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->printer()->setPageOrientation(QPageLayout::Landscape);
    connect(preview, &QPrintPreviewDialog::paintRequested, this,
            [target = QPointer<ReviewDocument>(document)](QPrinter *printer) {
                if (target)
                    printReport(*target, printer);
            });
    preview->open();
}

namespace {

/** The opinion on an open report, signed by the reviewer of its session. */
ReviewOpinion opinionOf(const ReviewDocument &document)
{
    OpinionOptions options;
    options.reviewer = document.session() ? document.session()->reviewer() : reviewerName();
    // The session's decisions travel in the exported review.
    return buildReviewOpinion(exportedReviewOf(document), {}, options);
}

} // namespace

void ReviewWindow::createOpinionActions()
{
    QMenu *file = m_menus.value(u"fileMenu"_s);
    const QList<QAction *> actions = file->actions();
    // After Print Preview, before the separator that follows it.
    QAction *before = actions.value(actions.indexOf(m_actions.value(u"actionPrintPreview"_s)) + 1);
    for (const char *name : {"actionOpinionPreview", "actionExportOpinions"}) {
        auto *action = new QAction(this);
        action->setObjectName(QString::fromLatin1(name));
        m_actions.insert(action->objectName(), action);
        file->insertAction(before, action);
    }
    connect(m_actions.value(u"actionOpinionPreview"_s), &QAction::triggered, this,
            &ReviewWindow::previewOpinion);
    connect(m_actions.value(u"actionExportOpinions"_s), &QAction::triggered, this,
            &ReviewWindow::exportOpinions);
}

void ReviewWindow::retranslateOpinionActions()
{
    m_actions.value(u"actionOpinionPreview"_s)->setText(tr("Review &Opinion…"));
    m_actions.value(u"actionOpinionPreview"_s)
        ->setToolTip(tr("The written review opinion (审核意见) on this report, to print or save "
                        "as PDF"));
    m_actions.value(u"actionExportOpinions"_s)->setText(tr("Write Review Opi&nions to a Folder…"));
    m_actions.value(u"actionExportOpinions"_s)
        ->setToolTip(tr("A .pdf and a .docx review opinion for every report the list shows"));
}

void ReviewWindow::previewOpinion()
{
    ReviewDocument *document = currentDocument();
    if (!document)
        return;
    auto *preview = new QPrintPreviewDialog(this);
    preview->setObjectName(u"opinionPreviewDialog"_s);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->setWindowTitle(tr("Review Opinion"));
    preview->printer()->setPageLayout(opinionPageLayout());
    preview->printer()->setDocName(QFileInfo(document->filePath()).completeBaseName());
    // The opinion as it stands when the preview opens; reopening it shows later edits.
    connect(
        preview, &QPrintPreviewDialog::paintRequested, this,
        [opinion = opinionOf(*document)](QPrinter *printer) { printOpinion(opinion, printer); });
    preview->open();
}

void ReviewWindow::exportOpinions()
{
    const QList<int> rows = rowsIn(int(ExportDialog::Scope::FilteredReports));
    if (rows.isEmpty()) {
        m_dialogs->information(this, tr("Review Opinions"), tr("There is no report in the list."));
        return;
    }
    const QString folder = m_dialogs->openFolder(this, tr("Write Review Opinions to a Folder"));
    if (folder.isEmpty())
        return;
    const Exporter exporter(m_loader->checker());
    QList<ExportedReview> reviews;
    for (int row : rows) {
        if (const ReviewDocument *document = m_reports->document(row)) {
            reviews.append(exportedReviewOf(*document));
            continue;
        }
        if (!library() || m_reports->libraryId(row) == 0)
            continue;
        Result<ExportedReview> stored
            = exporter.collectReport(*library(), m_reports->libraryId(row));
        if (!stored) {
            m_dialogs->information(this, tr("Review Opinions"), stored.error().message);
            return;
        }
        reviews.append(std::move(stored).value());
    }
    OpinionOptions options;
    options.reviewer = reviewerName();
    const OpinionBatch batch = writeOpinions(reviews, folder, {}, options);
    if (!batch.failures.isEmpty())
        m_dialogs->information(this, tr("Review Opinions"), batch.failures.join(u'\n'));
    statusBar()->showMessage(
        tr("Wrote %n file(s) of review opinions to %1.", nullptr, int(batch.written.size()))
            .arg(QDir::toNativeSeparators(folder)),
        kMessageTimeout);
}

void ReviewWindow::setZoom(int steps)
{
    m_tables->setZoom(steps);
    m_documentView->setZoom(m_tables->zoom());
}

void ReviewWindow::restoreLayout()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray())) {
        const QRect available = screen()->availableGeometry();
        resize(available.size().boundedTo(QSize(1680, 1000)) * 0.95);
    }
    restoreState(settings.value(u"window/state"_s).toByteArray());
    for (QSplitter *splitter :
         {m_mainSplitter, m_leftSplitter, m_rightSplitter, m_bottomSplitter, m_tablesSplitter})
        splitter->restoreState(settings.value(u"window/"_s + splitter->objectName()).toByteArray());
    setZoom(settings.value(u"window/zoom"_s, 0).toInt());
    m_actions.value(u"actionCompareYears"_s)
        ->setChecked(settings.value(u"window/compareYears"_s, true).toBool());
}

void ReviewWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    for (QSplitter *splitter :
         {m_mainSplitter, m_leftSplitter, m_rightSplitter, m_bottomSplitter, m_tablesSplitter})
        settings.setValue(u"window/"_s + splitter->objectName(), splitter->saveState());
    settings.setValue(u"window/zoom"_s, m_tables->zoom());
    settings.setValue(u"window/compareYears"_s,
                      m_actions.value(u"actionCompareYears"_s)->isChecked());
}

void ReviewWindow::addRecentFiles(const QStringList &files)
{
    if (files.isEmpty())
        return;
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    for (const QString &file : files) {
        const QString path = QFileInfo(file).absoluteFilePath();
        recent.removeAll(path);
        recent.prepend(path);
    }
    settings.setValue(kRecentKey, recent.mid(0, kMaxRecentFiles));
    rebuildRecentMenu();
}

void ReviewWindow::rebuildRecentMenu()
{
    QMenu *menu = m_menus.value(u"recentFilesMenu"_s);
    menu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &file : recent) {
        QAction *action = menu->addAction(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] { openPaths({file}); });
    }
    menu->addSeparator();
    QAction *clear = menu->addAction(tr("Clear the List"));
    clear->setObjectName(u"actionClearRecentFiles"_s);
    clear->setEnabled(!recent.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        QSettings().remove(kRecentKey);
        rebuildRecentMenu();
    });
}

} // namespace nianbao
