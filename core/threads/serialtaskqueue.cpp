#include "serialtaskqueue.h"

#include "blockingcallpool.h"

namespace SocketLab {

SerialTaskQueue::SerialTaskQueue()
    : m_state(std::make_shared<State>())
{
}

void SerialTaskQueue::run(std::function<void()> task)
{
    {
        const std::lock_guard lock(m_state->mutex);
        m_state->tasks.push_back(std::move(task));
        if (m_state->draining)
            return;
        m_state->draining = true;
    }
    BlockingCallPool::run(BlockingCallPool::Lane::File, [state = m_state] { drain(state); });
}

void SerialTaskQueue::drain(const std::shared_ptr<State> &state)
{
    for (;;) {
        std::function<void()> task;
        {
            const std::lock_guard lock(state->mutex);
            if (state->tasks.empty()) {
                state->draining = false;
                return;
            }
            task = std::move(state->tasks.front());
            state->tasks.pop_front();
        }
        task();
    }
}

} // namespace SocketLab
