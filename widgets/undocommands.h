// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewsession.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>
#include <optional>

namespace nianbao {

/** Every mergeable command has its id here, so two commands never merge by accident. */
enum class CommandId {
    ChangeCellValue = 1,
    ChangeStatus,
    ChangeReportNote,
    ChangeCellNote,
    ChangeAgency,
    ChangeYear
};

/**
 * Changes one cell of a report through ReviewSession. Consecutive changes of one cell merge
 * into one step; applying a suggestion never merges, so it can be undone on its own.
 */
class ChangeCellValue final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::ChangeCellValue)

public:
    enum class Kind { Edit, ApplySuggestion };

    ChangeCellValue(ReviewSession *session, int cell, std::optional<double> value,
                    Kind kind = Kind::Edit, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    int cell() const { return m_cell; }
    std::optional<double> value() const { return m_value; }

private:
    ReviewSession *m_session;
    int m_cell;
    std::optional<double> m_value;
    Kind m_kind;
    std::optional<CellValue> m_previous; ///< the cell before the first redo
    CellValue m_next; ///< the cell after it, put back as it was by later redos
};

/**
 * Changes one property of a report (its status, its note, a cell's note): the one template for
 * everything that is not a cell value. Consecutive changes of the same property merge.
 */
template<typename Value>
class ChangeProperty final : public QUndoCommand
{
public:
    using Getter = std::function<Value()>;
    using Setter = std::function<void(const Value &)>;

    ChangeProperty(const QString &text, CommandId id, int target, Getter get, Setter set,
                   Value value, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_id(id)
        , m_target(target)
        , m_set(std::move(set))
        , m_previous(get())
        , m_value(std::move(value))
    { }

    void undo() override { m_set(m_previous); }
    void redo() override { m_set(m_value); }
    int id() const override { return int(m_id); }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *change = static_cast<const ChangeProperty *>(other);
        if (change->m_target != m_target)
            return false;
        m_value = change->m_value;
        setObsolete(m_value == m_previous);
        return true;
    }

private:
    CommandId m_id;
    int m_target; ///< the cell for a cell note, -1 for the report
    Setter m_set;
    Value m_previous;
    Value m_value;
};

/** Factories for the property commands, with their translated history text. */
QUndoCommand *changeStatusCommand(ReviewSession *session, ReviewStatus status);
QUndoCommand *changeReportNoteCommand(ReviewSession *session, const QString &note);
QUndoCommand *changeCellNoteCommand(ReviewSession *session, int cell, const QString &note);
QUndoCommand *changeAgencyCommand(ReviewSession *session, const QString &agency);
QUndoCommand *changeYearCommand(ReviewSession *session, int year);

} // namespace nianbao
