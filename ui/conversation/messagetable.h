#pragma once

class QTableView;

namespace SocketLab {

class MessageModel;

// Sets table up to show model's events as the Conversation tab shows them, and a relayed connection
// too: whole rows chosen one at a time, read-only, one line a row, no row numbers, the last column
// (the bytes' preview) taking the rest of the width.
void setUpMessageTable(QTableView &table, MessageModel &model);

} // namespace SocketLab
