// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exporter.h"
#include "report.h"

#include <QHash>
#include <QMainWindow>

#include <memory>
#include <optional>
#include <vector>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class QUndoGroup;
class QUndoView;

namespace nianbao {

class Dialogs;
class DocumentManager;
class DocumentView;
class DraftKeeper;
class FindBar;
class FindingsView;
class FormTablesWidget;
class OtherYearPane;
class OverviewView;
class LanguageManager;
class LegendWidget;
class PageView;
class ReportListModel;
class ReportListProxy;
class ReportLoader;
class ReviewCursor;
class ReviewDocument;
class ReviewLibrary;
class ReviewPanel;
struct Draft;
struct ImportSummary;
struct ReportFileScan;
struct StoredReview;

/**
 * The review window: the report list, the original text, the official tables and the findings,
 * linked through one ReviewCursor; undo history, review state and notes beside them.
 */
class ReviewWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewWindow)

public:
    explicit ReviewWindow(LanguageManager *languages = nullptr, QWidget *parent = nullptr);
    ~ReviewWindow() override;

    /** Replaces the file and message dialogs (tests answer them without a modal loop). */
    void setDialogs(Dialogs *dialogs);
    /** Opens report files and every report in the given folders, in the background. */
    void openPaths(const QStringList &paths);
    /**
     * Opens reports through a review library from now on: files are imported (off the GUI
     * thread, with a cancellable progress dialog), and every confirmed change is committed.
     */
    void setLibrary(std::unique_ptr<ReviewLibrary> library);
    ReviewLibrary *library() const;
    DocumentManager *documents() const { return m_documents; }
    /**
     * Lists every report the library holds, as last saved (the window's start without files):
     * one summary query; a report is loaded when selected, and only the last few shown stay
     * loaded (kLoadedReports), besides those with changes to undo.
     */
    void openLibraryDocuments();
    /**
     * Text typed into a cell but not confirmed is kept as a draft (DraftKeeper). When a draft was
     * left because the window did not close (a crash, a kill), says so and offers to put it back.
     * True when it asked (the answer may come later).
     */
    bool offerToRestoreDraft();
    bool isLoading() const;

    ReviewCursor *reviewCursor() const { return m_cursor; }
    ReportListModel *reportList() const { return m_reports; }
    ReviewDocument *currentDocument() const;
    void setCurrentDocument(ReviewDocument *document);

    /**
     * Shows the library's overview (where a reviewer starts the day) in place of the review
     * panes, computed anew, or the review panes again. Needs a library.
     */
    void showOverview(bool shown);
    bool isShowingOverview() const;
    OverviewView *overviewView() const { return m_overview; }

signals:
    /** Every report asked for is open (or has failed). */
    void loadingFinished();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QAction *addAction(QMenu *menu, const char *name, const QKeySequence &shortcut = {});
    void createWidgets();
    void createActions();
    void createLanguageActions(QMenu *menu);
    QWidget *createDocumentPanel();
    /** The page tab serves PDF and image reports; for others the text stays in view. */
    void updatePageTab(ReviewDocument *document);
    void showPageTab();
    void createReportListActions();
    void retranslateReportListActions();
    QString reportName(const ReviewDocument *document) const;
    /** Deletes the report in view from the library, after the reviewer confirms. */
    void deleteCurrentReport();
    /** The library's agency aliases, in a dialog that saves them when accepted. */
    void editAgencyAliases();
    void connectActions();
    /** Export, print, find, tables and zoom (issue 13, items 12, 15 and 16). */
    void connectToolActions();
    void retranslateToolActions();
    void retranslateUi();
    void retranslateActions();

    void addReports(const std::vector<Report> &reports);
    ReviewDocument *addDocument(const Report &report);
    /** Shows a report (or none): its tables, text, findings and undo history. */
    void showDocument(ReviewDocument *document);
    /** Makes a row of the report list (a source row) the current one. */
    void selectRow(int row);
    void importIntoLibrary(const ReportFileScan &scan);
    void listSkippedFiles(const QList<Error> &skipped);
    void openFromLibrary(const QStringList &files, const ImportSummary &summary);
    QString importFailureLine(const Error &failure) const;
    void addFailedDocument(const Error &failure);
    void dropFailedDocuments(const QStringList &files);
    /** Lists the library's reports with these ids (all when empty); returns how many. */
    int listLibraryReports(const QList<qint64> &ids, QStringList &problems);

    void removeDocument(ReviewDocument *document);
    void offerReload(ReviewDocument *document, const Error &error);
    void documentReplaced(ReviewDocument *previous, ReviewDocument *current);
    void refreshFromLibrary();
    /** The draft left behind if its report is still in the library; tells of any other. */
    std::optional<Draft> leftDraft();
    void restoreDraft(const Draft &draft);
    void discardDraft(const QString &why);
    /** The open report with this library id, opened from the library if need be. */
    ReviewDocument *documentWithId(qint64 id);
    void openFilesDialog();
    void openFolderDialog();
    void reportActivated(const QModelIndex &proxyIndex);
    void closeCurrentReport();
    void stepReport(int step);
    void applySuggestion();
    void setReviewStatus(int status);
    void updateActions();
    /** "Findings: 2 open · 1 confirmed · 1 dismissed" for the shown report. */
    void updateFindingsLabel();
    void updateUndoTexts();
    void showInputRejected(const QString &message);
    void chooseLanguage(const QString &language);
    void focusPane(QWidget *pane);

    void showExportDialog();
    void exportReports(ExportFormat format, int scope, const ExportOptions &options);
    /** The list rows of an ExportDialog::Scope, in the list's order. */
    QList<int> rowsIn(int scope) const;
    void printCurrentReport();
    void previewCurrentReport();
    /** The review opinion (审核意见, issue 16 item 4): File › Review Opinion…, and a folder of
     *  them (.pdf and .docx) for every report the list shows. */
    void createOpinionActions();
    void retranslateOpinionActions();
    void previewOpinion();
    void exportOpinions();
    void setZoom(int steps);
    /** Roll-up (issue 16, item 2; reviewwindowrollup.cpp): the 汇总 menu and the list's
     *  context menu mark summaries, infer them from folders and consolidate a selection. */
    /** The overview (reviewwindowoverview.cpp): its page, its action and its click-through. */
    void createOverview();
    void retranslateOverview();
    void refreshOverview();
    void openFromOverview(qint64 documentId, int cell);
    void filterFromOverview(const QList<qint64> &ids, int cell);
    void clearOverviewFilter();
    void fillOverviewFindings();
    void createRollupActions();
    void retranslateRollupActions();
    void updateRollupActions();
    /** The list rows (source rows) selected, in the list's order. */
    QList<int> selectedRows() const;
    /** The library report `id` as the list names it: "平潭综合实验区 (2021)". */
    QString libraryReportName(qint64 id) const;
    void markCurrentAsRollupSummary();
    void removeCurrentRollup();
    void proposeRollupSets();
    void consolidateSelection();
    /** The files of an import that are open from the library now, for Open Recent. */
    QStringList importedFiles(const QStringList &files) const;

    void restoreLayout();
    void saveLayout() const;
    void addRecentFiles(const QStringList &files);
    void rebuildRecentMenu();

    Dialogs *m_dialogs;
    LanguageManager *m_languages;
    DocumentManager *m_documents;
    ReportLoader *m_loader; ///< the manager's
    ReviewCursor *m_cursor;
    ReportListModel *m_reports;
    ReportListProxy *m_proxy;
    QUndoGroup *m_undoGroup;

    QSplitter *m_mainSplitter = nullptr;
    QStackedWidget *m_pages = nullptr;
    OverviewView *m_overview = nullptr;
    QLabel *m_overviewTitle = nullptr;
    QPushButton *m_overviewFill = nullptr;
    QWidget *m_idFilterBar = nullptr;
    QLabel *m_idFilterLabel = nullptr;
    QSplitter *m_leftSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QSplitter *m_bottomSplitter = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_reportView = nullptr;
    DocumentView *m_documentView = nullptr;
    QTabWidget *m_documentTabs = nullptr;
    PageView *m_pageView = nullptr;
    FindBar *m_findBar = nullptr;
    FormTablesWidget *m_tables = nullptr;
    OtherYearPane *m_otherYears = nullptr;
    QSplitter *m_tablesSplitter = nullptr;
    LegendWidget *m_legend = nullptr;
    FindingsView *m_findingsView = nullptr;
    ReviewPanel *m_reviewPanel = nullptr;
    QUndoView *m_historyView = nullptr;
    QLabel *m_historyLabel = nullptr;
    QPushButton *m_cancelLoading = nullptr;
    QLabel *m_findingsLabel = nullptr;

    QHash<QString, QAction *> m_actions; ///< by objectName
    QHash<QString, QMenu *> m_menus; ///< by objectName
    QActionGroup *m_statusGroup = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    bool m_selectFirstLoaded = true;
    DraftKeeper *m_drafts = nullptr;
    QMetaObject::Connection m_findingsShown; ///< the shown report's findings → updateActions
    QMetaObject::Connection m_decisionsShown; ///< its decisions → updateFindingsLabel
};

} // namespace nianbao
